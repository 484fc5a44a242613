import Dispatch
import Foundation

/// Status lines for people, on standard error so standard output stays the command's result.
enum Console {
    /// Standard output is flushed first, so that with both streams in one file (`> log 2>&1`)
    /// the lines stay in the order they were written.
    static func status(_ line: String, newline: Bool = true) {
        fflush(stdout)
        FileHandle.standardError.write(Data((newline ? line + "\n" : line).utf8))
    }
}

/// One line of progress on a terminal (files read, pages written), redrawn in place at
/// most ten times a second and cleared at the end. Silent when standard error is not a
/// terminal (a pipe, a file, CI) or with `NO_PROGRESS=1`.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private var last: UInt64 = 0
    private var shown = false
    private var counted = 0
    private let lock = NSLock()

    /// Counts one more item (from any thread) and shows `text(count)` now and then.
    func count(_ text: (Int) -> String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        counted += 1
        update(text(counted))
    }

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb" && environment["NO_PROGRESS"] == nil
    }

    /// Shows `text` unless a line was shown less than 0.1 s ago (`force` shows it anyway).
    func update(_ text: @autoclosure () -> String, force: Bool = false) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard force || now - last >= 100_000_000 else { return }
        last = now
        shown = true
        fflush(stdout)
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text()).utf8))
    }

    /// Clears the line, so that the next status line starts clean.
    func clear() {
        guard enabled, shown else { return }
        shown = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
