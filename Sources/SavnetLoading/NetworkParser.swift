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

    /// Parses decoded text.
    public static func parse(text: String, path: String, contentPath: String) -> (NetworkFile, [Diagnostic]) {
        var file = NetworkFile(path: path, contentPath: contentPath, raw: text, bodyStartLine: 1, body: "", network: nil)
        file.longNumbers = NumberScanner.candidates(in: text)
        let front: FrontMatter
        switch FrontMatter.split(text, path: path) {
        case let .success(value): front = value
        case let .failure(diagnostic): return (file, [diagnostic])
        }
        file.body = front.body
        file.bodyStartLine = front.bodyStartLine
        switch YAMLDocument.compose(front, path: path) {
        case let .failure(diagnostic):
            return (file, [diagnostic])
        case let .success(root):
            var decoder = NetworkDecoder(path: path, yamlStartLine: front.yamlStartLine)
            file.network = decoder.decode(root)
            return (file, decoder.reader.diagnostics)
        }
    }
}
