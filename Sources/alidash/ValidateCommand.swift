import AlidashModel
import ArgumentParser
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `alidash validate`: checks the data beyond its shape and names every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the data files; print every problem with file, JSON path, line and column."
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingFailures {
            try data.checkFolder()
            let dataSet: DataSet
            // On a terminal, a large folder shows how far the check is (one line, rewritten in place).
            let showsProgress = data.directory != nil && isatty(2) == 1
            do throws(DataLoadError) {
                defer { if showsProgress { ValidateProgress.clear() } }
                dataSet = try DataLoader.load(data.location, progress: showsProgress ? ValidateProgress.report : nil)
            } catch {
                // The problems are this command's output; the summary goes to stderr.
                // Written as print and export write: a full disk or closed pipe is exit 74, not silence.
                try StandardOutput.write(error.problems.map { $0.description + "\n" }.joined())
                let count = error.problems.count
                throw Failure("\(count) problem\(count == 1 ? "" : "s") in \(data.directory ?? "the bundled data")",
                              exitCode: error.exitCode)
            }
            try StandardOutput.write(summary(of: dataSet) + "\n")
        }
    }

    private func summary(of data: DataSet) -> String {
        let counts = [
            "\(DataLoader.fileNames.count) files",
            "\(data.sources.count) sources",
            "\(data.errata.count) errata",
            "\(data.hubs.count) hubs",
            "\(data.singlesDay.years.count) Singles' Day years",
            "\(data.revenue.alibabaQuarters.count) Alibaba quarters",
            "\(data.revenue.amazonQuarters.count) Amazon quarters",
            "\(data.timeline.events.count) timeline events",
            "\(data.locatedFacts.count) facts",
        ]
        return "ok: " + counts.joined(separator: ", ") + " (\(data.origin == "bundled" ? "bundled data" : data.origin))"
    }
}

/// `validate`'s progress line on standard error: rewritten only when the percentage or the file changes.
enum ValidateProgress {
    private static let last = Mutex<String>("")

    @Sendable static func report(_ step: DataLoadStep) {
        let what = switch step.phase {
        case .reading: "reading \(step.file)"
        case .decoding: "decoding \(step.file)"
        case .validating: "checking every reference"
        }
        let line = "alidash validate: \(Int(step.fraction * 100)) % \(what) (\(step.fileNumber)/\(step.fileCount))"
        let changed = last.withLock { previous in
            defer { previous = line }
            return previous != line
        }
        // Cut to the terminal's width: a wrapped line could not be rewritten in place.
        var size = winsize()
        let width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 1 ? Int(size.ws_col) - 1 : 79
        if changed { StandardError.report("\r\u{1B}[K" + String(line.prefix(width))) }
    }

    static func clear() {
        StandardError.report("\r\u{1B}[K")
    }
}
