#if canImport(Glibc)
import Glibc
#endif

/// `ALIDASH_TRACE_START=FILE`: the moments of the start-up (CLOCK_MONOTONIC nanoseconds, one
/// "name nanoseconds" line each) written to FILE right after the first frame, so a benchmark that noted
/// when it started the process can say where the time to the first frame goes. Costs one getenv otherwise.
enum StartTrace {
    /// Read once; the marks are made on the main thread only, before the run loop.
    nonisolated(unsafe) private static var path: String? = getenv("ALIDASH_TRACE_START").map { String(cString: $0) }
    nonisolated(unsafe) private static var marks: [(name: String, nanoseconds: UInt64)] = []

    static func mark(_ name: String) {
        guard path != nil else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        marks.append((name, UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)))
    }

    /// Writes the marks (once) and stops tracing.
    static func write() {
        guard let target = path else { return }
        path = nil
        let text = marks.map { "\($0.name) \($0.nanoseconds)\n" }.joined()
        guard let file = fopen(target, "w") else { return }
        fputs(text, file)
        fclose(file)
    }
}
