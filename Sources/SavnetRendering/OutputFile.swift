/// One file of the built site: its path inside the output folder and its bytes.
public struct OutputFile: Sendable, Equatable {
    /// Path relative to the output folder, `/`-separated: `84/8409/index.html`.
    public var path: String
    /// The file's content.
    public var bytes: [UInt8]

    /// Creates a file from bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a file from text, UTF-8 encoded.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
