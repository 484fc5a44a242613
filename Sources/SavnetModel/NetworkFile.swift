/// One content file: its text kept whole beside what was parsed from it, so later
/// tools (`fmt`, `diff`) can work on the original bytes.
///
/// Immutable and shared by reference: a national directory passes 8,000 of these through
/// every stage, and copying one should not copy (or retain) each of its fields.
public final class NetworkFile: Sendable {
    /// Path as shown to the user, relative to the repository: `content/84/8417/_index.md`.
    public let path: String
    /// Path inside the content folder: `84/8417/_index.md`.
    public let contentPath: String
    /// The whole file as decoded text (byte order mark removed, line endings kept).
    public var raw: String {
        switch text {
        case let .decoded(text): return text
        case let .deferred(decode): return decode()
        }
    }
    /// The text, or how to decode it when asked: a file restored from the build cache
    /// keeps its bytes, since a build after an edit reads the text of only the few files
    /// it checks again.
    private let text: Text

    private enum Text: Sendable {
        case decoded(String)
        case deferred(@Sendable () -> String)
    }
    /// The 1-based line where the Markdown body starts.
    public let bodyStartLine: Int
    /// The Markdown body after the front matter.
    public let body: String
    /// The network, when the front matter could be read.
    public let network: Network?
    /// Numbers in the whole text that are as long as phone or citizen ID numbers, found
    /// once when the file is read, for the personal-data rules.
    public let longNumbers: [NumberScanner.Hit]
    /// Whether the file sits where the layout puts its network's area (only such networks
    /// are published: pages, documents, data). Found once: the site asks for every network
    /// on every refresh.
    public let isInPlace: Bool

    /// Creates a file record.
    public convenience init(path: String, contentPath: String, raw: String, bodyStartLine: Int, body: String,
                            network: Network?, longNumbers: [NumberScanner.Hit] = []) {
        self.init(path: path, contentPath: contentPath, text: .decoded(raw), bodyStartLine: bodyStartLine, body: body,
                  network: network, longNumbers: longNumbers)
    }

    /// A file record whose text `decode` gives when first asked for (each time it is).
    public convenience init(path: String, contentPath: String, decodingRaw decode: @escaping @Sendable () -> String,
                            bodyStartLine: Int, body: String, network: Network?, longNumbers: [NumberScanner.Hit] = []) {
        self.init(path: path, contentPath: contentPath, text: .deferred(decode), bodyStartLine: bodyStartLine, body: body,
                  network: network, longNumbers: longNumbers)
    }

    private init(path: String, contentPath: String, text: Text, bodyStartLine: Int, body: String, network: Network?,
                 longNumbers: [NumberScanner.Hit]) {
        self.path = path
        self.contentPath = contentPath
        self.text = text
        self.bodyStartLine = bodyStartLine
        self.body = body
        self.network = network
        self.longNumbers = longNumbers
        isInPlace = network.map { contentPath == Self.expectedContentPath(for: $0.area.value) } ?? false
    }

    /// A location in this file.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The area code and level this file's place in `content/` stands for, if it follows the layout:
    /// `_index.md` (national), `84/_index.md`, `84/8417/_index.md`, `84/8417/841701.md`.
    public var impliedAreaCode: String? {
        let parts = contentPath.split(separator: "/").map(String.init)
        guard let last = parts.last, last.hasSuffix(".md") else { return nil }
        let folders = Array(parts.dropLast())
        let stem = String(last.dropLast(3))
        let code: String
        if stem == "_index" {
            code = folders.last ?? ""
        } else {
            code = stem
        }
        return code
    }

    /// Where a network for `code` belongs inside `content/`.
    public static func expectedContentPath(for code: String) -> String { AreaCode(unchecked: code).contentPath }
}
