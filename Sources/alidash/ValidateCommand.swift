import AlidashModel
import ArgumentParser

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
            do throws(DataLoadError) {
                dataSet = try DataLoader.load(data.location)
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
