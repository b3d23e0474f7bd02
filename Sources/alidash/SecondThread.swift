import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One piece of work on a thread of its own, waited for once: the start sets ncurses up on it while the
/// main thread builds the data and the first frame. Whichever comes to the work first does it: a thread
/// the scheduler has not run by the time `wait` is called (it happens on a busy machine) would only add
/// its delay, so `wait` then does the work itself and lets the thread end unused.
/// Only the one that took the work writes the value, and `wait` reads it after doing the work or after
/// `pthread_join`, which orders the two: hence `@unchecked Sendable`.
final class SecondThread<Value: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Value
    private var value: Value?
    private var thread: pthread_t?
    /// 0: nobody has the work yet, 1: the thread took it, 2: `wait` took it.
    private let claim = Atomic<Int>(0)

    private init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
    }

    /// Starts `work` on a new thread; when no thread can be made, `wait` does the work itself.
    static func start(_ work: @escaping @Sendable () -> Value) -> SecondThread {
        let job = SecondThread(work)
        let body = ThreadBody {
            guard job.claim.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else { return }
            job.value = job.work()
        }
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

    /// The value: the thread's once it has ended, or made here if the thread has not begun.
    func wait() -> Value {
        if let thread {
            if claim.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing).exchanged {
                pthread_detach(thread)
            } else {
                pthread_join(thread, nil)
            }
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
