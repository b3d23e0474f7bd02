#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One piece of work on a thread of its own, waited for once. The start uses it to build the bundled
/// data and the first frame while the main thread asks the terminal and sets up ncurses.
/// The thread stores the value before it ends and `wait` reads it only after `pthread_join`, which
/// orders the two: hence `@unchecked Sendable`.
final class SecondThread<Value: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Value
    private var value: Value?
    private var thread: pthread_t?

    private init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
    }

    /// Starts `work` on a new thread; when no thread can be made, `wait` does the work itself.
    static func start(_ work: @escaping @Sendable () -> Value) -> SecondThread {
        let job = SecondThread(work)
        let body = ThreadBody { job.value = job.work() }
        let context = Unmanaged.passRetained(body).toOpaque()
        var thread = pthread_t()
        if pthread_create(&thread, nil, { context in
            // Not generic, so it can be a C function: the body it is handed knows the rest.
            guard let context else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context) == 0 {
            job.thread = thread
        } else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
        }
        return job
    }

    /// The value, once the thread has ended (at once if it has).
    func wait() -> Value {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
        if let value { return value }
        let made = work()
        value = made
        return made
    }
}

/// The closure a new thread runs, passed through pthread_create's context pointer.
private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void

    init(_ run: @escaping @Sendable () -> Void) {
        self.run = run
    }
}
