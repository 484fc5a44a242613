import Foundation
import SavnetModel

/// What each file's check or each page's rendering read from the directory, by path, and
/// the inverse (who read each thing), built the first time an update asks and kept up to
/// date after that. The engine checks and renders again exactly the readers of what an
/// edit changed; the reads are recorded while rules run and pages render
/// (`Directory.recording(into:)`), never listed by hand.
struct ReadIndex {
    /// Paths by number, and numbers by path (numbers are not reused).
    private var paths: [String] = []
    private var numbers: [String: Int32] = [:]
    /// The reads of each path's number, sorted; empty for a path forgotten.
    private var reads: [[DirectoryRead]] = []
    /// Path numbers by what they read; nil until first needed (a clean build never needs it).
    private var readers: [DirectoryRead: [Int32]]?
    /// How many times readers were asked for before the inverse was built.
    private var asked = 0

    init() {}

    /// An index of these paths' reads.
    init(_ all: [String: [DirectoryRead]]) {
        paths.reserveCapacity(all.count)
        reads.reserveCapacity(all.count)
        numbers.reserveCapacity(all.count)
        for (path, list) in all {
            numbers[path] = Int32(paths.count)
            paths.append(path)
            reads.append(list.sorted())
        }
    }

    /// How many paths have reads recorded.
    var count: Int { numbers.count }

    /// Records what `path` read the last time it was checked or rendered.
    mutating func set(_ path: String, _ new: Set<DirectoryRead>) {
        let list = new.sorted()
        guard let number = numbers[path] else {
            let number = Int32(paths.count)
            numbers[path] = number
            paths.append(path)
            reads.append(list)
            if readers != nil { for read in list { readers![read, default: []].append(number) } }
            return
        }
        // Pages rendered again mostly read what they read before.
        guard reads[Int(number)] != list else { return }
        if readers != nil {
            unlink(number)
            for read in list { readers![read, default: []].append(number) }
        }
        reads[Int(number)] = list
    }

    /// Forgets a path that no longer exists.
    mutating func remove(_ path: String) {
        guard let number = numbers.removeValue(forKey: path) else { return }
        if readers != nil { unlink(number) }
        reads[Int(number)] = []
    }

    private mutating func unlink(_ number: Int32) {
        for read in reads[Int(number)] {
            guard var list = readers![read], let index = list.firstIndex(of: number) else { continue }
            list.swapAt(index, list.count - 1)
            list.removeLast()
            readers![read] = list.isEmpty ? nil : list
        }
    }

    /// Every path that read any of `changed`. The first call scans every path's reads;
    /// the second builds the inverse, which later calls use (a build after an edit asks
    /// once, a live preview asks after every edit).
    mutating func readers(of changed: Set<DirectoryRead>) -> Set<String> {
        var found: Set<String> = []
        guard asked > 0 || readers != nil else {
            asked += 1
            for (number, list) in reads.enumerated() where list.contains(where: changed.contains) {
                found.insert(paths[number])
            }
            return found
        }
        if readers == nil {
            var inverse: [DirectoryRead: [Int32]] = [:]
            for (number, list) in reads.enumerated() where !list.isEmpty {
                for read in list { inverse[read, default: []].append(Int32(number)) }
            }
            readers = inverse
        }
        for read in changed {
            for number in readers![read] ?? [] { found.insert(paths[Int(number)]) }
        }
        return found
    }
}

/// Gathers reads handed over from several threads.
final class ReadCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var reads: [String: Set<DirectoryRead>] = [:]

    func add(_ path: String, _ read: Set<DirectoryRead>) {
        lock.lock()
        reads[path] = read
        lock.unlock()
    }
}

extension ReadIndex {
    /// Writes every path with its reads.
    func write(to writer: inout SnapshotWriter) {
        writer.write(count)
        for (path, number) in numbers {
            writer.write(path)
            writer.write(reads[Int(number)]) { $0.write($1.raw) }
        }
    }

    init(from reader: inout SnapshotReader) throws {
        let count = try reader.readInt()
        guard count >= 0 else { throw SnapshotError.corrupt }
        self.init()
        paths.reserveCapacity(count)
        reads.reserveCapacity(count)
        numbers.reserveCapacity(count)
        for number in 0..<count {
            let path = try reader.readString()
            // Written sorted, by `write(to:)`.
            let list = try reader.readArray { DirectoryRead(raw: try $0.readUInt64()) }
            guard numbers.updateValue(Int32(number), forKey: path) == nil else { throw SnapshotError.corrupt }
            paths.append(path)
            reads.append(list)
        }
    }
}
