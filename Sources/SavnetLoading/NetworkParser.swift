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
        let numbers = NumberScanner.candidates(in: text)
        func file(_ front: FrontMatter?, _ network: Network?) -> NetworkFile {
            NetworkFile(path: path, contentPath: contentPath, raw: text, bodyStartLine: front?.bodyStartLine ?? 1,
                        body: front?.body ?? "", network: network, longNumbers: numbers)
        }
        let front: FrontMatter
        switch FrontMatter.split(text, path: path) {
        case let .success(value): front = value
        case let .failure(diagnostic): return (file(nil, nil), [diagnostic])
        }
        switch YAMLDocument.compose(front, path: path) {
        case let .failure(diagnostic):
            return (file(front, nil), [diagnostic])
        case let .success(root):
            var decoder = NetworkDecoder(path: path, yamlStartLine: front.yamlStartLine)
            let network = decoder.decode(root)
            return (file(front, network), decoder.reader.diagnostics)
        }
    }
}
