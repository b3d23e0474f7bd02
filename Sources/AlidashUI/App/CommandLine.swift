import AlidashModel

/// The `:` command line: jump by name, change currency or language, with Tab completion.
public enum CommandLine {
    public enum Command: Sendable, Equatable {
        case pane(PaneID)
        case quit, help, empty
        case currency(Currency)
        case language(Language)
        case table(Bool)
        case unknown(String)
    }

    /// Every word the command line understands, for completion.
    public static var vocabulary: [String] {
        PaneRegistry.panes.flatMap(\.commandNames)
            + ["help", "quit", "currency rmb", "currency usd", "currency eur", "lang en", "lang de", "table", "chart"]
    }

    public static func parse(_ text: String) -> Command {
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard let first = words.first else { return .empty }
        if let pane = PaneID(word: first) { return .pane(pane) }
        switch first {
        case "q", "quit", "exit": return .quit
        case "help", "h", "?": return .help
        case "table": return .table(true)
        case "chart": return .table(false)
        case "currency", "cur":
            if words.count > 1, let currency = Currency(rawValue: words[1].uppercased()),
               [.rmb, .usd, .eur].contains(currency) { return .currency(currency) }
        case "lang", "language":
            if words.count > 1, let language = Language(rawValue: words[1]) { return .language(language) }
        default:
            break
        }
        return .unknown(text)
    }

    /// The candidates that start with what was typed.
    public static func candidates(for text: String) -> [String] {
        let typed = text.lowercased()
        return vocabulary.filter { $0.hasPrefix(typed) && $0 != typed }
    }

    /// Completes to the longest prefix all candidates share.
    public static func complete(_ text: String) -> String {
        let matches = candidates(for: text)
        guard var prefix = matches.first else { return text }
        for match in matches.dropFirst() {
            while !match.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix.count > text.count ? prefix : text
    }
}
