import Foundation

/// Status lines for people, on standard error so standard output stays the command's result.
enum Console {
    static func status(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
