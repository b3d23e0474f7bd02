import AlidashUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the terminal for its background colour and whether it takes synchronized output, before ncurses
/// starts. `send` writes the questions (echo and line editing off, so the answers are neither shown nor
/// held back); `receive` waits at most `timeout` milliseconds for the answers (less: the answer to DA1,
/// which every terminal gives, ends the wait) and restores the terminal's modes. Between the two the
/// program may do other work: the answers wait in the terminal's input queue.
public struct TerminalProbe: Sendable {
    private let saved: termios

    private init(saved: termios) {
        self.saved = saved
    }

    /// Writes the questions; nil when standard input and output are not both a terminal.
    public static func send() -> TerminalProbe? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        // From here the terminal's modes are changed: a Ctrl-C must end through the run loop, which
        // restores them (installed again by Terminal, which is harmless).
        SignalFlag.install()
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return nil }
        let query = Array(TerminalReplies.query.utf8)
        guard query.withUnsafeBytes({ write(STDOUT_FILENO, $0.baseAddress, $0.count) }) == query.count else {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            return nil
        }
        return TerminalProbe(saved: saved)
    }

    /// The answers (what came of them), with the terminal's modes as they were before `send`.
    public func receive(timeout: Int32 = 300) -> TerminalReplies {
        var saved = self.saved
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        var remaining = timeout
        while remaining > 0, bytes.count < 1024 {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let started = Self.milliseconds()
            guard poll(&descriptor, 1, remaining) > 0, descriptor.revents & Int16(POLLIN) != 0 else { break }
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk.prefix(count)
            if TerminalReplies(bytes).complete { break }
            remaining -= Int32(max(0, Self.milliseconds() - started))
        }
        let replies = TerminalReplies(bytes)
        // A terminal that did not finish answering in time might still: drop what has come so far, so
        // no late answer is read as keys (one answering later than that is rare; it shows as a bell at worst).
        if !replies.complete { tcflush(STDIN_FILENO, TCIFLUSH) }
        return replies
    }

    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
