/// The languages the dashboard speaks.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en
    case de

    /// Picks the language from POSIX locale variables (LC_ALL, LC_MESSAGES, LANG), English otherwise.
    /// The language the locale names (de_DE…, en_GB…); nil for C, POSIX or C.UTF-8, which name none.
    public static func namedIn(_ environment: [String: String]) -> Language? {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key]?.lowercased(), !value.isEmpty else { continue }
            if value.hasPrefix("de") { return .de }
            if value.hasPrefix("en") { return .en }
            return nil
        }
        return nil
    }

    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("de") ? .de : .en
        }
        return .en
    }
}

/// Text in English and, where given, German. Decodes from `"plain"` or `{"en": …, "de": …}`.
public struct LocalizedText: Sendable, Equatable, Hashable {
    public var english: String
    public var german: String?

    public init(_ english: String, german: String? = nil) {
        self.english = english
        self.german = german
    }

    public func text(in language: Language) -> String {
        switch language {
        case .en: return english
        case .de: return german ?? english
        }
    }
}

extension LocalizedText: Decodable {
    private enum CodingKeys: String, CodingKey { case en, de }

    public init(from decoder: Decoder) throws {
        // The bilingual object is the common shape, so it is tried first: a failed attempt throws, and
        // building that error costs more than the decoding itself.
        if let container = try? decoder.container(keyedBy: CodingKeys.self) {
            self.init(
                try container.decode(String.self, forKey: .en),
                german: try container.decodeIfPresent(String.self, forKey: .de)
            )
            return
        }
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
}
