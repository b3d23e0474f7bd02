#if canImport(Glibc)
import Glibc
#endif

/// `ALIDASH_TRACE_START=FILE`: the moments of the start-up (CLOCK_MONOTONIC nanoseconds, one
/// "name nanoseconds" line each) written to FILE right after the first frame, so a benchmark that noted
/// when it started the process can say where the time to the first frame goes. Costs one getenv otherwise.
enum StartTrace {
    /// Read once; the marks are made on the main thread only, before the run loop.
    nonisolated(unsafe) private static var path: String? = getenv("ALIDASH_TRACE_START").map { String(cString: $0) }
    // Two plain arrays, not one of tuples: the runtime builds a tuple array's type on first use, which
    // cost 0.2 ms here, and the tracing must not slow what it measures.
    nonisolated(unsafe) private static var names: [String] = []
    nonisolated(unsafe) private static var moments: [UInt64] = []

    static func mark(_ name: String) {
        guard path != nil else { return }
        mark(name, at: now())
    }

    /// A moment noted on another thread (`now()` there), marked here on the main thread.
    static func mark(_ name: String, at moment: UInt64) {
        guard path != nil else { return }
        names.append(name)
        moments.append(moment)
    }

    /// CLOCK_MONOTONIC in nanoseconds; safe on any thread.
    static func now() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// Writes the marks (once, in the order of their moments: two threads make them) and stops tracing.
    static func write() {
        guard let target = path else { return }
        path = nil
        let text = zip(names, moments).sorted { $0.1 < $1.1 }.map { "\($0) \($1)\n" }.joined()
        guard let file = fopen(target, "w") else { return }
        fputs(text, file)
        fclose(file)
    }
}
