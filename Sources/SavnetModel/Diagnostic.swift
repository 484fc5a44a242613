/// How serious a finding is. An error means the file is wrong or unsafe: it fails
/// `check` and stops `build`. A warning points at something likely wrong in the file.
/// A status note says the file is right but the world is behind (a term expired, a
/// deliverable late or missing): the public directory exists to show it, so it never
/// fails a check or a build unless asked (`--fail-on-status`).
public enum Severity: String, Comparable, Sendable, CaseIterable {
    case status
    case warning
    case error

    private var rank: Int {
        switch self {
        case .status: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// One problem found in the content: where, how serious, which rule, what to do.
/// Diagnostics are values: collected, sorted and printed, never thrown.
public struct Diagnostic: Hashable, Sendable, Comparable {
    /// The stable id of the rule or loader check that found it (`committee-key-positions`).
    public var rule: String
    /// Error or warning.
    public var severity: Severity
    /// Where it is.
    public var location: SourceLocation
    /// What is wrong.
    public var message: Localized
    /// What to do about it.
    public var hint: Localized?
    /// The regulation clause the rule enforces, if any (`ระเบียบฯ ข้อ ๙`).
    public var clause: Localized?

    /// Creates a diagnostic.
    public init(
        rule: String, severity: Severity, location: SourceLocation,
        message: Localized, hint: Localized? = nil, clause: Localized? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.clause = clause
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.message.en < rhs.message.en
    }
}

public extension Array where Element == Diagnostic {
    /// How many of these are errors.
    var errorCount: Int { filter { $0.severity == .error }.count }
    /// How many of these are warnings.
    var warningCount: Int { filter { $0.severity == .warning }.count }
    /// How many of these are status notes.
    var statusCount: Int { filter { $0.severity == .status }.count }
}

/// Lets stages return `Result<Value, Diagnostic>` for "a value or the one reason there is none".
extension Diagnostic: Error {}
