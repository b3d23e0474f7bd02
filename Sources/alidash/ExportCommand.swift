import AlidashModel
import ArgumentParser

/// `alidash export DATASET --format json|csv`: the figures as data, with their sources.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a data set as CSV or JSON."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Argument(help: "revenue, years, singles-day, hubs, timeline, sources or claims.")
    var dataset: ExportDataset

    @Option(help: "csv (RFC 4180, with a header row) or json.")
    var format: Format = .csv

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingFailures {
            let table = dataset.table(from: try data.load())
            switch format {
            case .csv: try StandardOutput.write(table.csv())
            case .json: try StandardOutput.write(table.json())
            }
        }
    }
}
