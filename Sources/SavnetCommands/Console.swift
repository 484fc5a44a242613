import Foundation

/// Status lines for people, on standard error so standard output stays the command's result.
enum Console {
    /// Standard output is flushed first, so that with both streams in one file (`> log 2>&1`)
    /// the lines stay in the order they were written.
    static func status(_ line: String) {
        fflush(stdout)
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
