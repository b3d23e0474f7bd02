import AlidashModel
import AlidashTerminal
import AlidashUI
import ArgumentParser

/// `alidash print PANE`: everything one pane holds as linear text, for pipes, files and screen readers.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Write everything a pane holds as text or Markdown: every entry in full, tables as aligned text, no colours or escape codes."
    )

    static let widths = AppState.minimumWidth...1000

    @Argument(help: ArgumentHelp(PaneRegistry.names.joined(separator: ", ") + " (or \(PaneRegistry.numberRange))."))
    var pane: PaneChoice

    @Option(help: "Width in columns (default: the terminal's width, else $COLUMNS, else 80).")
    var width: Int?

    @Option(name: .customLong("lang"), help: "Language: en or de (default: from LC_ALL, LC_MESSAGES, LANG).")
    var language: Language?

    @Option(help: "Show figures in rmb, usd or eur, converting at each period's own rate (as the c key in the dashboard; default: as reported).")
    var currency: PrintCurrency?

    @Option(help: "text (wrapped at --width) or markdown (for notes and issues; lines are not wrapped).")
    var format: PrintFormat = .text

    @OptionGroup var data: DataOptions

    func validate() throws {
        if let width, !PrintCommand.widths.contains(width) {
            throw ValidationError("--width must be between \(PrintCommand.widths.lowerBound) and \(PrintCommand.widths.upperBound).")
        }
    }

    func run() throws {
        try reportingFailures {
            let dataSet = try data.load()
            let lines = AppState.plainText(pane: pane.pane, width: width ?? defaultWidth, data: dataSet,
                                           language: chosenLanguage(language), currency: currency?.currency, format: format,
                                           asciiOnly: !TerminalLocale.activate(environment: Environment.values(TerminalLocale.variables)))
            try StandardOutput.write(lines.joined(separator: "\n") + "\n")
        }
    }

    /// The terminal's width, else $COLUMNS when it is a usable width, else 80.
    private var defaultWidth: Int {
        if let columns = StandardOutput.terminalWidth, PrintCommand.widths.contains(columns) { return columns }
        guard let text = Environment.values(["COLUMNS"])["COLUMNS"], let columns = Int(text),
              PrintCommand.widths.contains(columns) else { return 80 }
        return columns
    }
}

/// `--currency` for `print`: the three currencies the dashboard's `c` key cycles through.
enum PrintCurrency: String, ExpressibleByArgument, CaseIterable {
    case rmb, usd, eur

    var currency: Currency {
        switch self {
        case .rmb: return .rmb
        case .usd: return .usd
        case .eur: return .eur
        }
    }
}

extension PrintFormat: ExpressibleByArgument {}
