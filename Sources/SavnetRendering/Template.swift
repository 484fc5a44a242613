/// A theme's Mustache template, parsed once into a tree that renders against typed
/// values (`TemplateValue`) with no dynamic casts.
///
/// It follows the Mustache spec (variables, sections, inverted sections, comments,
/// partials with their indentation, set delimiters, and template inheritance with
/// `{{<parent}}` and `{{$block}}`), with whitespace handled as swift-mustache 2.1 handles
/// it: a differential test renders random templates with both and compares the bytes.
/// Lambdas, transforms (`{{fn(name)}}`), dynamic partials (`{{>*name}}`) and pragmas are
/// not supported; a template that uses one fails to load, naming its line.
struct Template: Sendable {
    let name: String
    let nodes: [TemplateNode]
    /// Every tag, in order, for the theme check: its sigil (a space for a variable), name
    /// and line.
    let tags: [TemplateTag]

    init(name: String, text: String) throws(TemplateSyntaxError) {
        self.name = name
        var parser = TemplateParser(bytes: Array(text.utf8))
        (nodes, tags) = try parser.parse()
    }
}

/// A name a template reads: `.` (the current value), `a` or `a.b.c`. A leading dot
/// (`.a`) reads from the current value only.
struct TemplateName: Equatable, Sendable {
    let parts: [ViewKey]
    let anchored: Bool
}

indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case inverted(TemplateName, [TemplateNode])
    /// `{{>name}}`; `indentation` is the whitespace before a standalone tag.
    case partial(String, indentation: [UInt8]?)
    /// `{{<name}}…{{/name}}`: renders `name` with these blocks in place of its own.
    case parent(String, indentation: [UInt8], blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}` outside a parent: the inherited block, or the default.
    case block(String, defaultNodes: [TemplateNode], indentation: [UInt8])
}

struct TemplateTag: Sendable {
    var sigil: Character
    var name: String
    var line: Int
}

/// Why a template does not parse, with the line it stands on.
struct TemplateSyntaxError: Error, Equatable, CustomStringConvertible {
    let line: Int
    let message: String
    var description: String { "line \(line): \(message)" }
}

/// Reads a template's bytes into nodes. A tag alone on its line (a section, comment,
/// partial, delimiter or block tag with only blanks around it) is "standalone": its line's
/// indentation and line ending are dropped, and a standalone partial indents each line it
/// renders. Whether a tag starts a line follows swift-mustache's parser exactly, quirks
/// included (after a section closes, the line counts as new when the section's opening
/// tag stood alone; inside a parent, the first line of a block sets an indentation that
/// comes off every line of it), so that existing themes render unchanged.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var tags: [TemplateTag] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    private struct State {
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var section: String?
        var sectionLine = 0
        var newLine = true
        /// Inside a parent tag (`{{<name}}`), at its own level or in its blocks.
        var inDefinition = false
        var definitionTopLevel = false
        var definitionIndent: [UInt8]?

        func entering(_ name: String, line: Int, newLine: Bool) -> State {
            var state = self
            state.section = name
            state.sectionLine = line
            state.definitionTopLevel = false
            state.newLine = newLine
            return state
        }
    }

    /// What a nested parse hands back: its nodes, and the blocks a parent defines.
    private struct Parsed {
        var nodes: [TemplateNode] = []
        var blocks: [String: [TemplateNode]] = [:]
    }

    mutating func parse() throws(TemplateSyntaxError) -> ([TemplateNode], [TemplateTag]) {
        let parsed = try parse(State())
        return (parsed.nodes, tags)
    }

    private var atEnd: Bool { position >= bytes.count }

    private func isLineEnd(at index: Int) -> Bool {
        index < bytes.count && (bytes[index] == 0x0A || (bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A))
    }

    private func lineEndLength(at index: Int) -> Int { bytes[index] == 0x0D ? 2 : 1 }

    private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in 0..<delimiter.count where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    /// Where the last line number was counted to: tags come in order, so counting on
    /// from there keeps finding lines linear in the template's length.
    private var counted = (index: 0, line: 1)

    private mutating func line(at index: Int) -> Int {
        let index = min(index, bytes.count)
        if index < counted.index { counted = (0, 1) }
        var line = counted.line
        for byte in bytes[counted.index..<index] where byte == 0x0A { line += 1 }
        counted = (index, line)
        return line
    }

    private mutating func error(_ message: String, at index: Int? = nil) -> TemplateSyntaxError {
        TemplateSyntaxError(line: line(at: index ?? position), message: message)
    }

    private mutating func readBlanks() -> [UInt8] {
        let start = position
        while !atEnd, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return Array(bytes[start..<position])
    }

    private mutating func skipWhitespace() {
        while !atEnd, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A || bytes[position] == 0x0D {
            position += 1
        }
    }

    /// Whether the tag just read ends its line (then the line ending is consumed).
    private mutating func endsLine(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var index = position
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard isLineEnd(at: index) else { return false }
        position = index + lineEndLength(at: index)
        return true
    }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> Parsed {
        var state = initial
        var parsed = Parsed()
        var blanks: [UInt8] = []
        func flush(_ parsed: inout Parsed) {
            if !blanks.isEmpty { parsed.nodes.append(.text(blanks)); blanks = [] }
        }
        while !atEnd {
            if state.newLine {
                let leading = readBlanks()
                if state.inDefinition, !state.definitionTopLevel {
                    if let indent = state.definitionIndent {
                        blanks = Array(leading.dropFirst(indent.count))
                    } else {
                        state.definitionIndent = leading
                    }
                } else {
                    blanks = leading
                }
            }
            // Text up to a line end or a tag.
            let start = position
            var tagFound = false
            while !atEnd {
                if isLineEnd(at: position) { break }
                if bytes[position] == state.open[0], matches(state.open, at: position) { tagFound = true; break }
                position += 1
            }
            let text = Array(bytes[start..<position])
            if !tagFound, !atEnd {
                let length = lineEndLength(at: position)
                parsed.nodes.append(.text(blanks + text + bytes[position..<(position + length)]))
                position += length
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                parsed.nodes.append(.text(blanks + text))
                blanks = []
                state.newLine = false
            }
            if atEnd { break }
            let tagStart = position
            let tagLine = line(at: tagStart)
            position += state.open.count
            let sigil: UInt8 = atEnd ? 0 : bytes[position]
            var setNewLine = false
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(state, sigil: sigil, at: tagStart)
                if endsLine(state) { setNewLine = true } else { flush(&parsed) }
                let inner = try parse(state.entering(name, line: tagLine, newLine: setNewLine))
                let templateName = try TemplateParser.name(name, line: tagLine)
                parsed.nodes.append(sigil == UInt8(ascii: "#") ? .section(templateName, inner.nodes) : .inverted(templateName, inner.nodes))
            case UInt8(ascii: "/"):
                position += 1
                let name = try readName(state, sigil: sigil, at: tagStart)
                guard let section = state.section, name == section else {
                    let expected = state.section.map { "; expected {{/\($0)}} for the tag on line \(state.sectionLine)" } ?? ""
                    throw error("'{{/\(name)}}' closes no open section\(expected)", at: tagStart)
                }
                if !endsLine(state) { flush(&parsed) }
                return parsed
            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(state.close, from: position) else {
                    throw error("a comment is not closed with '\(String(decoding: state.close, as: UTF8.self))'", at: tagStart)
                }
                position = end + state.close.count
                setNewLine = endsLine(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                flush(&parsed)
                position += 1
                let name = try readName(state, sigil: UInt8(ascii: "&"), at: tagStart)
                if sigil == UInt8(ascii: "{") {
                    guard !atEnd, bytes[position] == UInt8(ascii: "}") else {
                        throw error("'{{{\(name)' is not closed with '}}}'", at: tagStart)
                    }
                    position += 1
                }
                parsed.nodes.append(.variable(try TemplateParser.name(name, line: tagLine), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(state, sigil: sigil, at: tagStart)
                if !blanks.isEmpty { parsed.nodes.append(.text(blanks)) }
                if endsLine(state) {
                    setNewLine = true
                    parsed.nodes.append(.partial(name, indentation: blanks))
                } else {
                    parsed.nodes.append(.partial(name, indentation: nil))
                }
                blanks = []
            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName(state, sigil: sigil, at: tagStart)
                if !blanks.isEmpty { parsed.nodes.append(.text(blanks)) }
                if endsLine(state) { setNewLine = true }
                var inner = state.entering(name, line: tagLine, newLine: true)
                inner.inDefinition = true
                inner.definitionTopLevel = true
                let definition = try parse(inner)
                parsed.nodes.append(.parent(name, indentation: blanks, blocks: definition.blocks))
                blanks = []
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(state, sigil: sigil, at: tagStart)
                if state.definitionTopLevel {
                    if endsLine(state) { setNewLine = true }
                    let inner = try parse(state.entering(name, line: tagLine, newLine: setNewLine))
                    parsed.blocks[name] = inner.nodes
                } else {
                    if !blanks.isEmpty { parsed.nodes.append(.text(blanks)) }
                    if endsLine(state) { setNewLine = true }
                    let inner = try parse(state.entering(name, line: tagLine, newLine: setNewLine))
                    parsed.nodes.append(.block(name, defaultNodes: inner.nodes, indentation: blanks))
                    blanks = []
                }
            case UInt8(ascii: "="):
                position += 1
                try readDelimiters(&state, at: tagStart)
                state.definitionTopLevel = false
                setNewLine = endsLine(state)
            case UInt8(ascii: "%"):
                throw error("pragmas ({{%…}}) are not supported", at: tagStart)
            default:
                flush(&parsed)
                let name = try readName(state, sigil: UInt8(ascii: " "), at: tagStart)
                parsed.nodes.append(.variable(try TemplateParser.name(name, line: tagLine), escaped: true))
            }
            if state.definitionTopLevel, sigil != UInt8(ascii: "$"), sigil != UInt8(ascii: "!"), sigil != UInt8(ascii: "="),
               sigil != UInt8(ascii: "/") {
                throw error("inside {{<\(state.section ?? "")}} only {{$block}} sections may stand", at: tagStart)
            }
            state.newLine = setNewLine
        }
        if let section = state.section {
            throw TemplateSyntaxError(line: state.sectionLine, message: "the section '\(section)' opened here is never closed; add {{/\(section)}}")
        }
        return parsed
    }

    private func find(_ delimiter: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + delimiter.count <= bytes.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*".utf8)

    /// A tag's name, up to the closing delimiter, recorded for the theme check.
    private mutating func readName(_ state: State, sigil: UInt8, at tagStart: Int) throws(TemplateSyntaxError) -> String {
        try readName(state, sigil: sigil, at: tagStart, allowing: Self.nameBytes)
    }

    private mutating func readPartialName(_ state: State, sigil: UInt8, at tagStart: Int) throws(TemplateSyntaxError) -> String {
        let name = try readName(state, sigil: sigil, at: tagStart, allowing: Self.nameBytes.union([UInt8(ascii: "/")]))
        if name.hasPrefix("*") { throw error("dynamic partials ({{>*name}}) are not supported", at: tagStart) }
        if name.isEmpty { throw error("a partial tag names no template", at: tagStart) }
        return name
    }

    private mutating func readName(_ state: State, sigil: UInt8, at tagStart: Int, allowing: Set<UInt8>) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while !atEnd, allowing.contains(bytes[position]) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(state.close, at: position) else {
            throw error("a tag is not closed with '\(String(decoding: state.close, as: UTF8.self))' (names are Latin letters, digits, '.', '-', '_')",
                        at: tagStart)
        }
        position += state.close.count
        tags.append(TemplateTag(sigil: Character(UnicodeScalar(sigil)), name: name, line: line(at: tagStart)))
        return name
    }

    /// `{{=<% %>=}}`: new delimiters from here on, in this section.
    private mutating func readDelimiters(_ state: inout State, at tagStart: Int) throws(TemplateSyntaxError) {
        let terminator = [UInt8(ascii: "=")] + state.close
        guard let end = find(terminator, from: position) else {
            throw error("a delimiter tag must read {{=<open> <close>=}}", at: tagStart)
        }
        let parts = String(decoding: bytes[position..<end], as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
            throw error("a delimiter tag must read {{=<open> <close>=}}", at: tagStart)
        }
        position = end + terminator.count
        state.open = Array(parts[0].utf8)
        state.close = Array(parts[1].utf8)
    }

    static func name(_ text: String, line: Int) throws(TemplateSyntaxError) -> TemplateName {
        if text == "." { return TemplateName(parts: [], anchored: true) }
        if text.contains("(") || text.contains(")") {
            throw TemplateSyntaxError(line: line, message: "transforms such as '\(text)' are not supported; give the value a name in the view")
        }
        let parts = text.split(separator: ".").map { ViewKey(String($0)) }
        guard !parts.isEmpty, !text.contains("*") else {
            throw TemplateSyntaxError(line: line, message: "'\(text)' is not a name a template can read")
        }
        return TemplateName(parts: parts, anchored: text.hasPrefix("."))
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
