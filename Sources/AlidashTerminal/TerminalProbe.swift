import AlidashUI
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the terminal for its background colour and whether it takes synchronized output, once ncurses
/// has set it up: echo and line editing are off then, so the answers are neither shown nor held back,
/// and ncurses has kept the modes it found for the way out (asking before ncurses would mean changing
/// the modes first, and ncurses would keep those). `send` writes the questions; `receive` waits at most
/// `timeout` milliseconds for the answers (less: the answer to DA1, which every terminal gives, ends the
/// wait). Between the two the program may draw: the answers wait in the terminal's input queue, and
/// must be taken before the first key is read.
public struct TerminalProbe: Sendable {
    /// At most this many keys typed while the answers are awaited are kept (ncurses' queue holds 137).
    static let keysKept = 128

    private init() {}

    /// Writes the questions on the terminal `terminal` took over; nil when the write failed.
    public static func send(to terminal: Terminal) -> TerminalProbe? {
        terminal.ask(TerminalReplies.query) ? TerminalProbe() : nil
    }

    /// The answers (what came of them).
    public func receive(timeout: Int32 = 300) -> TerminalReplies {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        var remaining = timeout
        while remaining > 0, bytes.count < 1024 {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let started = Self.milliseconds()
            let ready = poll(&descriptor, 1, remaining)
            if ready < 0, errno == EINTR { // a resize, say: the answers are still on their way
                remaining -= Int32(max(0, Self.milliseconds() - started))
                continue
            }
            guard ready > 0, descriptor.revents & Int16(POLLIN) != 0 else { break }
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR {
                remaining -= Int32(max(0, Self.milliseconds() - started))
                continue
            }
            guard count > 0 else { break }
            bytes += chunk.prefix(count)
            if TerminalReplies(bytes).complete { break }
            remaining -= Int32(max(0, Self.milliseconds() - started))
        }
        let replies = TerminalReplies(bytes)
        // A terminal that did not finish answering in time might still: drop what has come so far, so
        // no late answer is read as keys (one answering later than that is rare; it shows as a bell at worst).
        if !replies.complete { tcflush(STDIN_FILENO, TCIFLUSH) }
        // Keys typed meanwhile go back to ncurses, to be read in order (pushed back last first), as many
        // as its queue holds: ungetch hands bytes back undecoded, so an escape sequence goes back as the
        // key code ncurses knows it by (an arrow as KEY_UP), and one it does not know ends what is kept.
        let keys = TerminalReplies.keys(typed: TerminalReplies.typed(bytes), limit: TerminalProbe.keysKept) { sequence in
            let code = (sequence + [0]).withUnsafeBufferPointer { key_defined(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
            return code > 0 && code != KEY_MOUSE ? code : nil
        }
        for key in keys.reversed() { ungetch(key) }
        return replies
    }

    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
