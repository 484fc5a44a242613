import SavnetModel

/// Text with position markers: `‸` stands just before each place a test expects a
/// diagnostic. The markers are removed and their line and code-point column kept,
/// so tests state positions where they can be seen instead of as bare numbers.
public struct MarkedText {
    /// The marker character (U+2038 CARET).
    public static let marker: Unicode.Scalar = "\u{2038}"

    /// The text without markers.
    public let text: String
    /// The positions of the markers, in order: 1-based line and code-point column.
    public let marks: [(line: Int, column: Int)]

    /// Reads `source`, removing markers.
    public init(_ source: String) {
        var scalars = String.UnicodeScalarView()
        var marks: [(Int, Int)] = []
        var line = 1
        var column = 1
        for scalar in source.unicodeScalars {
            if scalar == Self.marker {
                marks.append((line, column))
                continue
            }
            scalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        text = String(scalars)
        self.marks = marks
    }

    /// The location of marker `index` in the file at `path`.
    public func location(_ index: Int = 0, path: String) -> SourceLocation {
        SourceLocation(path: path, line: marks[index].line, column: marks[index].column)
    }
}
