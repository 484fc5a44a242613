/// A place in a content file: the path as shown to the user, and a 1-based
/// line and column. Columns count Unicode code points, as editors and GitHub do.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file's path relative to the repository (or as the user named it).
    public var path: String
    /// 1-based line number in the file.
    public var line: Int
    /// 1-based column in Unicode code points.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// A value read from a content file together with where it was written.
public struct Located<Value> {
    /// The parsed value.
    public var value: Value
    /// Where the value starts in its file.
    public var location: SourceLocation

    /// Creates a located value.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
extension Located: Sendable where Value: Sendable {}
