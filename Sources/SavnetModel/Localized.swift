/// The languages savnet speaks: Thai first, English for everyone else.
public enum Language: String, CaseIterable, Sendable {
    case th
    case en

    /// Picks the language from POSIX locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`):
    /// Thai when the first one set starts with `th`, English otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("th") ? .th : .en
            }
        }
        return .en
    }
}

/// A text in Thai and in English.
public struct Localized: Hashable, Sendable {
    /// The Thai text.
    public var th: String
    /// The English text.
    public var en: String

    /// Creates a text in both languages.
    public init(th: String, en: String) {
        self.th = th
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .th: return th
        case .en: return en
        }
    }
}
