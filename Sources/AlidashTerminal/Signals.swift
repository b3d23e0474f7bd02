import CNcursesw
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last stop signal received (SIGINT, SIGTERM, SIGHUP, SIGQUIT), 0 for none.
private let pendingSignal = Atomic<Int32>(0)
/// True while ncurses owns the terminal, so a crash knows to give it back.
private let terminalIsTakenOver = Atomic<Bool>(false)

/// Stop signals only set a flag; the run loop turns it into a clean exit. Installed with `sigaction`
/// and without SA_RESTART, so a blocked read returns at once instead of waiting for the next key.
/// Every signal whose default would end the process is here, so none leaves the terminal in raw mode
/// (kill -USR1, a stray alarm, a CPU or file-size limit); crashes are CrashRestore's.
enum SignalFlag {
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
                                       SIGPROF, SIGIO, SIGXCPU, SIGXFSZ, SIGSTKFLT, SIGPWR]

    static func install() {
        // A write to a closed pipe or socket should fail with EPIPE and be handled, not end the dashboard
        // with the terminal still taken over.
        signal(SIGPIPE, SIG_IGN)
        for signal in stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                pendingSignal.store(received, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// The signal received since the last call, if any.
    static func take() -> Int32? {
        let signal = pendingSignal.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }
}

/// The saved handlers (often Swift's backtracer) that a crash is passed on to after the terminal is restored.
/// Written once while the crash handlers are installed, read only inside them; never freed.
nonisolated(unsafe) private let previousCrashActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
    actions.initialize(repeating: sigaction(), count: Int(NSIG))
    return actions
}()

/// A crash (fatal error, bad access) first gives the terminal back, then goes on as it would have
/// (Swift's backtrace or the default action), so the shell is never left in raw mode.
enum CrashRestore {
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGSYS]
    private static let installed = Atomic<Bool>(false)

    static func arm() {
        terminalIsTakenOver.store(true, ordering: .sequentiallyConsistent)
        guard !installed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        ensureAlternateStack()
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                if terminalIsTakenOver.exchange(false, ordering: .sequentiallyConsistent) { endwin() }
                // Put the previous handler back and deliver the signal to it when this handler returns.
                sigaction(received, previousCrashActions + Int(received), nil)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            // On the alternate stack, so a stack overflow still reaches the handler.
            action.sa_flags = SA_ONSTACK
            sigaction(signal, &action, previousCrashActions + Int(signal))
        }
    }

    /// Gives this thread a signal stack unless the runtime already set one up; never freed.
    private static func ensureAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }

    static func disarm() {
        terminalIsTakenOver.store(false, ordering: .sequentiallyConsistent)
    }
}
