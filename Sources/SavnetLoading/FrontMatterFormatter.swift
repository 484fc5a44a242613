import Foundation
import SavnetModel

/// `savnet fmt`: one canonical form of a network file's front matter, so that diffs show
/// what changed and nothing else.
///
/// The canonical form puts keys in the order of docs/content-format.md (unknown keys
/// after the known ones, in their own order), committee members in the order template's
/// order, dates as Buddhist-era `YYYY-MM-DD`, and area codes in double quotes. It moves
/// whole lines, so comments travel with the key they stand above, and it never touches
/// the Markdown body. Every result is checked before it is returned: it must read back
/// to the same values, comments and body, or the file is left as it was.
public enum FrontMatterFormatter {
    /// What formatting a file came to.
    public enum Outcome: Equatable {
        /// The file is already in canonical form.
        case unchanged
        /// The canonical text.
        case formatted(String)
        /// The file cannot be formatted: it does not parse, or its layout is one savnet
        /// does not rewrite. The file must be left as it is.
        case failed(Diagnostic)
    }

    /// Formats the file `text`, shown as `path`.
    public static func format(_ text: String, path: String) -> Outcome {
        let front: FrontMatter
        switch FrontMatter.split(text, path: path) {
        case let .success(value): front = value
        case let .failure(diagnostic): return .failed(diagnostic)
        }
        let tree: YAMLTree?
        do {
            tree = try YAMLComposer.compose(front.yaml)
        } catch let failure as YAMLComposer.Failure {
            return .failed(YAMLDocument.diagnostic(for: failure, front: front, path: path))
        } catch {
            return .failed(problem(path, 1, "cannot read the front matter"))
        }
        guard let tree else { return .unchanged }
        return tree.withRoot { root in format(text, front: front, root: root, path: path) }
    }

    /// Formats the file `text` whose front matter's root node is `root`.
    private static func format(_ text: String, front: FrontMatter, root: YAMLNode, path: String) -> Outcome {
        guard case .mapping = root.kind else { return .unchanged }
        var lines = front.yaml.components(separatedBy: "\n")
        // The text after the last newline (normally empty) stays last.
        let tail = lines.removeLast()
        guard !lines.contains(where: { $0.hasSuffix("\r") }) else {
            return .failed(problem(path, front.yamlStartLine, "the front matter has Windows line endings (CRLF); savnet fmt leaves such files alone",
                                   th: "ส่วนหัวใช้การขึ้นบรรทัดแบบ Windows (CRLF) savnet fmt จะไม่แก้ไฟล์แบบนี้"))
        }
        var editor = Editor(lines: lines)
        editor.rewriteScalars(root, path: "")
        editor.applyReplacements()
        let reordered = editor.reorder(root, path: "", range: 0..<lines.count)
        let yaml = (reordered + [tail]).joined(separator: "\n")
        guard yaml != front.yaml else { return .unchanged }
        let formatted = rebuild(text, front: front, yaml: yaml)
        guard let formatted, isSame(front, as: formatted, path: path) else {
            return .failed(problem(path, front.yamlStartLine,
                                   "savnet fmt could not put this file in canonical form without changing it; it was left as it is",
                                   th: "savnet fmt จัดรูปไฟล์นี้โดยไม่เปลี่ยนเนื้อหาไม่ได้ จึงไม่ได้แก้ไฟล์"))
        }
        return formatted == text ? .unchanged : .formatted(formatted)
    }

    /// The file with its front matter replaced, the fences and body byte for byte as they were.
    private static func rebuild(_ text: String, front: FrontMatter, yaml: String) -> String? {
        let bytes = Array(text.utf8)
        let yamlBytes = front.yaml.utf8.count
        // The YAML starts after the opening fence line.
        guard let firstNewline = bytes.firstIndex(of: 0x0A) else { return nil }
        let start = firstNewline + 1
        guard start + yamlBytes <= bytes.count,
              Array(bytes[start..<(start + yamlBytes)]) == Array(front.yaml.utf8) else { return nil }
        return String(decoding: bytes[..<start], as: UTF8.self) + yaml + String(decoding: bytes[(start + yamlBytes)...], as: UTF8.self)
    }

    /// Whether `formatted` says exactly what the original said: the same values (maps
    /// compared by key, the committee as a list sorted the canonical way, dates as dates,
    /// codes as text), the same comments, the same body.
    private static func isSame(_ original: FrontMatter, as formatted: String, path: String) -> Bool {
        guard case let .success(after) = FrontMatter.split(formatted, path: path), after.body == original.body,
              let before = (try? YAMLComposer.compose(original.yaml)) ?? nil,
              let now = (try? YAMLComposer.compose(after.yaml)) ?? nil else { return false }
        func comments(_ yaml: String) -> [String] {
            yaml.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("#") }.sorted()
        }
        return comments(original.yaml) == comments(after.yaml)
            && before.withRoot { meaning($0, "") } == now.withRoot { meaning($0, "") }
    }

    /// A node's meaning as one string, independent of key order, committee order, date
    /// spelling and the quoting of codes.
    private static func meaning(_ node: YAMLNode, _ path: String) -> String {
        switch node.kind {
        case let .scalar(text, plain):
            if isDatePath(path), let date = CalendarDate(parsing: ThaiNumerals.toArabic(text)) { return "date:\(date.iso)" }
            if isCode(text, at: path) { return "code:\(text)" }
            return (plain ? "plain:" : "text:") + text
        case let .mapping(pairs):
            let entries = pairs.map { ($0.key.text ?? "?") + "=" + meaning($0.value, path + "." + ($0.key.text ?? "?")) }
            return "{" + entries.sorted().joined(separator: ",") + "}"
        case let .sequence(items):
            var parts = items.map { meaning($0, path + "[]") }
            if path == ".committee" {
                parts = Editor.sortedCommittee(items).map { meaning($0, path + "[]") }
            }
            return "[" + parts.joined(separator: ",") + "]"
        }
    }

    private static func problem(_ path: String, _ line: Int, _ en: String, th: String? = nil) -> Diagnostic {
        Diagnostic(rule: "fmt", severity: .error, location: SourceLocation(path: path, line: line, column: 1),
                   message: Localized(th: th ?? en, en: en))
    }

    // MARK: The canonical form

    /// The order of keys at each place (paths as `.committee[]`); keys not listed follow.
    static let keyOrder: [String: [String]] = [
        "": ["level", "area", "name", "founded", "order", "term", "committee", "advisors", "groups", "nominees",
             "nomination_deadline", "deliverables", "deadlines", "funds", "finance", "plan", "regulation", "wording", "contacts"],
        ".order": ["number", "date", "signer", "signer_title", "acting"],
        ".term": ["start"],
        ".committee[]": ["position", "title", "name", "represents"],
        ".advisors[]": ["title", "name", "role"],
        ".groups[]": ["village", "name", "members", "savings"],
        ".nominees": ["reported", "letter", "names"],
        ".deliverables": ["order", "plan", "bpm", "forwarded"],
        ".deadlines": ["nominees", "order", "plan", "bpm", "forwarded"],
        ".funds": ["sources", "accounts"],
        ".funds.accounts[]": ["bank", "branch", "name", "signatories", "withdrawal"],
        ".funds.accounts[].withdrawal": ["required", "always"],
        ".finance": ["as_of", "fund_balance", "income", "expenses", "loans"],
        ".plan": ["fiscal_year", "date", "activities"],
        ".plan.activities[]": ["name", "months", "budget", "responsible", "indicator"],
        ".regulation": ["title", "adopted", "chapters"],
        ".regulation.chapters[]": ["number", "title", "clauses"],
        ".regulation.chapters[].clauses[]": ["number", "text"],
        ".contacts[]": ["name", "phone", "email", "consent"],
    ]

    /// The places that hold dates.
    static func isDatePath(_ path: String) -> Bool {
        [".founded", ".order.date", ".term.start", ".nominees.reported", ".nomination_deadline", ".finance.as_of",
         ".plan.date", ".regulation.adopted"].contains(path)
            || (path.hasPrefix(".deliverables.") && path.hasSuffix(".date"))
            || (path.hasPrefix(".deadlines.") && path.split(separator: ".").count == 2)
    }

    /// Whether `text` at `path` is an area code: the network's own, or the subdistrict or
    /// district a member represents (a village number, one or two digits, is not).
    static func isCode(_ text: String, at path: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) else { return false }
        switch path {
        case ".area": return [2, 4, 6].contains(text.count)
        case ".committee[].represents": return [4, 6].contains(text.count)
        default: return false
        }
    }

    /// The lines of the front matter and the edits made to them.
    struct Editor {
        var lines: [String]
        /// Scalar rewrites found, applied together (right to left on each line, so that
        /// one rewrite does not move the columns of the next).
        var replacements: [(line: Int, column: Int, token: String, replacement: String)] = []

        init(lines: [String]) { self.lines = lines }

        mutating func applyReplacements() {
            for item in replacements.sorted(by: { ($0.line, -$0.column) < ($1.line, -$1.column) }) {
                replaceToken(line: item.line, column: item.column, token: item.token, with: item.replacement)
            }
            replacements = []
        }

        /// Rewrites single-line plain dates as `2566-07-13` and codes as `"8409"`.
        mutating func rewriteScalars(_ node: YAMLNode, path: String) {
            switch node.kind {
            case let .mapping(pairs):
                for pair in pairs { rewriteScalars(pair.value, path: path + "." + (pair.key.text ?? "?")) }
            case let .sequence(items):
                for item in items { rewriteScalars(item, path: path + "[]") }
            case let .scalar(text, plain):
                if FrontMatterFormatter.isDatePath(path), plain,
                   let date = CalendarDate(parsing: ThaiNumerals.toArabic(text)), date.buddhistISO != text {
                    replacements.append((node.line, node.column, text, date.buddhistISO))
                } else if FrontMatterFormatter.isCode(text, at: path) {
                    replacements.append((node.line, node.column, plain ? text : "'\(text)'", "\"\(text)\""))
                }
            }
        }

        /// Replaces `token` where it stands at `line`:`column` (1-based, code points),
        /// when it is exactly there and ends where a value ends.
        private mutating func replaceToken(line: Int, column: Int, token: String, with replacement: String) {
            guard line >= 1, line <= lines.count else { return }
            let scalars = Array(lines[line - 1].unicodeScalars)
            let tokenScalars = Array(token.unicodeScalars)
            let start = column - 1
            guard start >= 0, start + tokenScalars.count <= scalars.count,
                  Array(scalars[start..<(start + tokenScalars.count)]) == tokenScalars else { return }
            let after = scalars[(start + tokenScalars.count)...]
            if let next = after.first, !(next == " " || next == "," || next == "}" || next == "]") { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<start])
            view.append(contentsOf: replacement.unicodeScalars)
            view.append(contentsOf: after)
            lines[line - 1] = String(view)
        }

        /// The lines of `range` with the block mapping or sequence `node` (and what it
        /// holds) in canonical order.
        func reorder(_ node: YAMLNode, path: String, range: Range<Int>) -> [String] {
            let slice = Array(lines[range])
            guard !isFlow(node) else { return slice }
            switch node.kind {
            case .scalar:
                return slice
            case let .mapping(pairs):
                let starts = pairs.map { $0.key.line - 1 }
                guard starts == starts.sorted(), let first = starts.first, first >= range.lowerBound else { return slice }
                // Comments at the very top of the file are the file's, not its first key's.
                let chunks = cut(range, at: starts, headKeepsComments: path.isEmpty)
                let order = FrontMatterFormatter.keyOrder[path] ?? []
                var entries: [(rank: Int, index: Int, lines: [String])] = []
                for (index, pair) in pairs.enumerated() {
                    let key = pair.key.text ?? ""
                    let childPath = path + "." + key
                    var chunk = chunks.entries[index]
                    // The value's own lines, after the key's line, are put in order too.
                    if case .scalar = pair.value.kind {} else if pair.value.line - 1 > starts[index] {
                        let keyLine = chunk.keyOffset
                        let inner = (chunk.range.lowerBound + keyLine + 1)..<chunk.range.upperBound
                        chunk.lines = Array(chunk.lines[...keyLine]) + reorder(pair.value, path: childPath, range: inner)
                    }
                    entries.append((order.firstIndex(of: key) ?? order.count, index, chunk.lines))
                }
                // A mapping that is a list item starts on the item's `- ` line: the dash stays first.
                let sorted = entries.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }
                guard sorted.map(\.index) != entries.map(\.index) else {
                    return chunks.head + entries.flatMap(\.lines)
                }
                if isListItem(node) {
                    return moveDash(chunks.head, entries.map(\.lines), sorted.map(\.index)) ?? slice
                }
                return chunks.head + sorted.flatMap(\.lines)
            case let .sequence(items):
                let starts = items.map { $0.line - 1 }
                guard starts == starts.sorted(), let first = starts.first, first >= range.lowerBound else { return slice }
                let chunks = cut(range, at: starts)
                var parts: [[String]] = []
                for (index, item) in items.enumerated() {
                    var chunk = chunks.entries[index]
                    if case .mapping = item.kind, !isFlow(item) {
                        chunk.lines = Array(chunk.lines[..<chunk.keyOffset])
                            + reorder(item, path: path + "[]", range: (chunk.range.lowerBound + chunk.keyOffset)..<chunk.range.upperBound)
                    }
                    parts.append(chunk.lines)
                }
                if path == ".committee" {
                    let order = Editor.committeeOrder(items)
                    return chunks.head + order.flatMap { parts[$0] }
                }
                return chunks.head + parts.flatMap { $0 }
            }
        }

        /// The committee's items in the order template's order, file order within a position.
        static func committeeOrder(_ items: [YAMLNode]) -> [Int] {
            func rank(_ item: YAMLNode) -> Int {
                guard case let .mapping(pairs) = item.kind,
                      let text = pairs.first(where: { $0.key.text == "position" })?.value.text,
                      case let .exact(position) = PositionName.match(text) else { return Position.allCases.count }
                return Position.allCases.firstIndex(of: position) ?? Position.allCases.count
            }
            return items.indices.sorted { (rank(items[$0]), $0) < (rank(items[$1]), $1) }
        }

        static func sortedCommittee(_ items: [YAMLNode]) -> [YAMLNode] {
            committeeOrder(items).map { items[$0] }
        }

        /// One entry's lines: the comments and blank lines right above it, its own line,
        /// and everything up to the next entry.
        struct Chunk {
            var range: Range<Int>
            var lines: [String]
            /// Where the entry's own line is within `lines`.
            var keyOffset: Int
        }

        /// Cuts `range` into what comes before the first entry and one chunk per entry.
        private func cut(_ range: Range<Int>, at starts: [Int], headKeepsComments: Bool = false) -> (head: [String], entries: [Chunk]) {
            // Each entry takes the comment and blank lines directly above it.
            var begins: [Int] = []
            for (index, start) in starts.enumerated() {
                var begin = start
                let floor = index == 0 ? range.lowerBound : starts[index - 1] + 1
                while begin - 1 >= floor, isCommentOrBlank(lines[begin - 1]) { begin -= 1 }
                // A blank line directly above stays a separator before the comment.
                while begin < start, lines[begin].trimmingCharacters(in: .whitespaces).isEmpty { begin += 1 }
                if index == 0, headKeepsComments { begin = start }
                begins.append(begin)
            }
            let head = Array(lines[range.lowerBound..<begins[0]])
            var chunks: [Chunk] = []
            for index in starts.indices {
                let end = index + 1 < begins.count ? begins[index + 1] : range.upperBound
                let chunkRange = begins[index]..<max(end, starts[index] + 1)
                chunks.append(Chunk(range: chunkRange, lines: Array(lines[chunkRange]), keyOffset: starts[index] - begins[index]))
            }
            return (head, chunks)
        }

        private func isCommentOrBlank(_ line: String) -> Bool {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }

        /// Whether the node is written in flow style (`{…}` or `[…]`).
        private func isFlow(_ node: YAMLNode) -> Bool {
            guard node.line >= 1, node.line <= lines.count else { return false }
            let scalars = Array(lines[node.line - 1].unicodeScalars)
            guard node.column - 1 < scalars.count, node.column >= 1 else { return false }
            let character = scalars[node.column - 1]
            switch node.kind {
            case .mapping: return character == "{"
            case .sequence: return character == "["
            case .scalar: return false
            }
        }

        /// Whether a block mapping starts on a `- ` line (it is a list item).
        private func isListItem(_ node: YAMLNode) -> Bool {
            guard node.line >= 1, node.line <= lines.count, node.column >= 3 else { return false }
            let scalars = Array(lines[node.line - 1].unicodeScalars)
            return scalars.count >= node.column - 1 && scalars[node.column - 3] == "-" && scalars[node.column - 2] == " "
        }

        /// Reorders a list item's entries, moving the `- ` from the old first entry's line
        /// to the new one's. Nil when the entries are not laid out plainly enough to do so.
        private func moveDash(_ head: [String], _ entries: [[String]], _ order: [Int]) -> [String]? {
            guard head.isEmpty, let firstOld = entries.first?.first else { return nil }
            guard let dash = firstOld.range(of: "- ") else { return nil }
            let indent = String(firstOld[..<dash.lowerBound])
            guard indent.allSatisfy({ $0 == " " }) else { return nil }
            let keyIndent = indent + "  "
            var result: [String] = []
            for (position, index) in order.enumerated() {
                var lines = entries[index]
                // Only plain entries: their own line first, no comment above.
                guard let line = lines.first else { return nil }
                if index == 0 {
                    lines[0] = keyIndent + line.dropFirst(keyIndent.count)
                } else if !line.hasPrefix(keyIndent) || line.dropFirst(keyIndent.count).first == " " {
                    return nil
                }
                if position == 0 {
                    if lines[0].trimmingCharacters(in: .whitespaces).hasPrefix("#") { return nil }
                    lines[0] = indent + "- " + lines[0].dropFirst(keyIndent.count)
                }
                result += lines
            }
            return result
        }
    }
}
