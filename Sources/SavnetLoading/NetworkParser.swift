import SavnetModel

/// Parses one content file from its text. Pure: no disk access, never throws; the file
/// record always comes back (with `network == nil` when the front matter is unusable)
/// so the raw text is never lost.
public enum NetworkParser {
    /// Parses `bytes` read from `contentPath` (inside `content/`), shown to users as `path`.
    public static func parse(bytes: [UInt8], path: String, contentPath: String) -> (NetworkFile, [Diagnostic]) {
        switch TextDecoding.decode(bytes, path: path) {
        case let .success(text):
            return parse(text: text, path: path, contentPath: contentPath)
        case let .failure(diagnostic):
            let raw = String(decoding: bytes, as: UTF8.self)
            return (NetworkFile(path: path, contentPath: contentPath, raw: raw, bodyStartLine: 1, body: "", network: nil),
                    [diagnostic])
        }
    }

    /// The text `parse(bytes:…)` reads from `bytes`, when they decode (the build cache uses
    /// it to restore a file's text without parsing it again).
    public static func decodedText(_ bytes: [UInt8]) -> String? {
        try? TextDecoding.decode(bytes, path: "").get()
    }

    /// Parses decoded text.
    public static func parse(text: String, path: String, contentPath: String) -> (NetworkFile, [Diagnostic]) {
        var numbers = NumberScanner.candidates(in: text)
        func file(_ front: FrontMatter?, _ network: Network?) -> NetworkFile {
            NetworkFile(path: path, contentPath: contentPath, raw: text, bodyStartLine: front?.bodyStartLine ?? 1,
                        body: front?.body ?? "", network: network, longNumbers: numbers)
        }
        var front: FrontMatter
        switch FrontMatter.split(text, path: path) {
        case let .success(value): front = value
        case let .failure(diagnostic): return (file(nil, nil), [diagnostic])
        }
        var bodyFindings = TextDecoding.controlCharacters(text, path: path, frontMatterEndLine: front.bodyStartLine - 1)
        if let problem = BodyLimits.check(front.body, path: path, line: front.bodyStartLine) {
            // Never rendered: Markdown renderers are slow on some long, crafted texts.
            bodyFindings.append(problem)
            front.body = ""
        }
        switch YAMLDocument.compose(front, path: path) {
        case let .failure(diagnostic):
            return (file(front, nil), [diagnostic] + bodyFindings)
        case let .success(tree):
            return tree.withRoot { root in
                // Quoted values are read as YAML decodes them: `"\x30\x38…"` is a phone number too.
                let decoded = quotedValues(root, lineOffset: front.yamlStartLine - 1, path: path, known: numbers)
                numbers += decoded.numbers
                let rawLines = Set(bodyFindings.map(\.location.line))
                bodyFindings += decoded.controls.filter { !rawLines.contains($0.location.line) }
                var decoder = NetworkDecoder(path: path, yamlStartLine: front.yamlStartLine)
                let network = decoder.decode(root)
                return (file(front, network), decoder.reader.diagnostics + bodyFindings)
            }
        }
    }
}

/// What only YAML's decoding shows in quoted values (`"\x30\x38…"`, `"\x1b"`): long
/// numbers the raw text does not show as such, and control characters. One walk.
private func quotedValues(_ root: YAMLNode, lineOffset: Int, path: String, known: [NumberScanner.Hit])
    -> (numbers: [NumberScanner.Hit], controls: [Diagnostic]) {
    var numbers: [NumberScanner.Hit] = []
    var controls: [Diagnostic] = []
    // Every node of the document is a row of its tree, in document order.
    for (index, row) in root.tree.rows.enumerated() where row.shape == .quotedScalar {
        let text = root.tree.string(index)
        let line = Int(row.line) + lineOffset
        let column = Int(row.column)
        if text.utf8.count >= 9 {
            for hit in NumberScanner.candidates(in: text)
            where !known.contains(where: { $0.line >= line && $0.digits == hit.digits }) {
                numbers.append(NumberScanner.Hit(digits: hit.digits, line: line, column: column))
            }
        }
        for var problem in TextDecoding.controlCharacters(text, path: path, frontMatterEndLine: .max) {
            problem.location = SourceLocation(path: path, line: line, column: column)
            controls.append(problem)
        }
    }
    return (numbers, controls)
}

/// What a network's Markdown body may hold: enough for any description of a network, and
/// bounded so that no body can make rendering slow (see docs/security.md).
public enum BodyLimits {
    /// The longest body: 32 KiB, about 10,000 Thai characters (five printed pages).
    public static let maximumBytes = 32 * 1024
    /// The most `[` in a body (links and images): crafted runs of brackets are what the
    /// Markdown renderer takes quadratic time on.
    public static let maximumBrackets = 500

    /// The finding for a body past a limit, if it is.
    static func check(_ body: String, path: String, line: Int) -> Diagnostic? {
        let size = body.utf8.count
        if size > maximumBytes {
            return Diagnostic(rule: "body-too-long", severity: .error, location: SourceLocation(path: path, line: line, column: 1),
                              message: Localized(th: "เนื้อหาหลังส่วนหัวยาวเกินไป (\(size) ไบต์ เกินขีดจำกัด \(maximumBytes) ไบต์)",
                                                 en: "the Markdown body is too long (\(size) bytes; the limit is \(maximumBytes))"),
                              hint: Localized(th: "ย่อคำอธิบายเครือข่ายให้สั้นลง หรือแยกเอกสารยาว ๆ ไปเผยแพร่ที่อื่นแล้วใส่ลิงก์",
                                              en: "shorten the network's description, or publish long documents elsewhere and link to them"))
        }
        let brackets = body.utf8.reduce(0) { $0 + ($1 == 0x5B ? 1 : 0) }
        if brackets > maximumBrackets {
            return Diagnostic(rule: "body-too-many-links", severity: .error, location: SourceLocation(path: path, line: line, column: 1),
                              message: Localized(th: "เนื้อหามีเครื่องหมาย [ มากเกินไป (\(brackets) ตัว เกินขีดจำกัด \(maximumBrackets))",
                                                 en: "the Markdown body has too many [ brackets (\(brackets); the limit is \(maximumBrackets))"),
                              hint: Localized(th: "ลดจำนวนลิงก์และรูปภาพในเนื้อหา", en: "use fewer links and images in the body"))
        }
        return nil
    }
}
