/// How names are compared: spaces and a leading honorific do not make two people.
public enum PersonName {
    static let honorifics = ["นางสาว", "นาง", "นาย", "น.ส.", "ด.ต.", "ร.ต.", "จ.ส.อ."]

    static let honorificBytes = honorifics.map { Array($0.utf8) }

    /// The name's bytes without spaces or a leading honorific (bytes hash faster than Thai text).
    public static func key(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 where byte != 0x20 && byte != 0x09 { bytes.append(byte) }
        bytes.removeFirst(honorificLength(bytes))
        return bytes
    }

    /// How many bytes a leading honorific takes in a name's bytes without spaces (0 when
    /// none, or when nothing much would be left after it).
    static func honorificLength(_ bytes: some Collection<UInt8>) -> Int {
        honorificBytes.first { bytes.count > $0.count + 3 && bytes.starts(with: $0) }?.count ?? 0
    }

    /// `hash` and `check` of a name's key, computed without building the key; nil for a
    /// name whose key is empty.
    public static func hashes(_ name: String, level: Int) -> (hash: UInt64, check: UInt64)? {
        var name = name
        return name.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { buffer -> (UInt64, UInt64)? in
                var count = 0
                for byte in utf8 where byte != 0x20 && byte != 0x09 {
                    buffer[count] = byte
                    count += 1
                }
                let stripped = UnsafeBufferPointer(rebasing: buffer[0..<count])
                let key = stripped[honorificLength(stripped)...]
                guard !key.isEmpty else { return nil }
                return (hash(key, level: level), check(key))
            }
        }
    }

    /// A second hash of a key, independent of `hash`, to tell apart names whose `hash`
    /// collides.
    public static func check(_ key: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
        }
        return hash
    }

    /// FNV-1a over a name's key and a level (people are compared within a level; the
    /// level is the length of the network's area code).
    public static func hash(_ key: some Sequence<UInt8>, level: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(level)
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Who sits on which committee, by name and level: the first file by path that lists a
/// person is where the person "belongs"; any later committee of the same level that lists
/// them again may have been copied. Kept by the directory as one array sorted by name
/// hash (no allocation per person), updated in place when the engine swaps a file in.
struct PeopleIndex: Sendable {
    /// One person on one committee. Two names are the same when both their hashes agree
    /// (`hash` for lookup, `check` to tell collisions apart).
    struct Entry: Comparable, Sendable {
        var hash: UInt64
        /// The file's place in the directory's files (sorted by path).
        var file: Int32
        var line: Int32
        var check: UInt64

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.hash, lhs.file, lhs.line) < (rhs.hash, rhs.file, rhs.line)
        }
    }

    /// Every entry, sorted.
    private(set) var entries: [Entry] {
        didSet { buckets = Self.buckets(of: entries) }
    }
    /// Where the entries whose hash starts with each sixteen-bit value begin (and, last,
    /// the number of entries): a lookup reads its bucket's few entries instead of
    /// binary-searching 160,000, whose probes each missed the cache.
    private var buckets: [Int32] = []
    private static let bucketBits = 16

    /// The index of `files` (the directory's, sorted by path).
    init(_ files: [NetworkFile]) {
        let perFile = ParallelMap.map(Array(files.indices)) { Self.entries(of: files[$0], at: Int32($0)) }
        (entries, buckets) = Self.sorted(perFile)
    }

    /// The entries sorted, and their buckets' starts: placed bucket by bucket (a counting
    /// sort on the hash's first sixteen bits), then each bucket's few entries sorted in
    /// place. A comparison sort of 160,000 entries took 40 ms on one core while the other
    /// waited.
    private static func sorted(_ perFile: [[Entry]]) -> ([Entry], [Int32]) {
        let shift = UInt64(64 - bucketBits)
        var starts = [Int32](repeating: 0, count: (1 << bucketBits) + 1)
        var total = 0
        for entries in perFile {
            for entry in entries { starts[Int(entry.hash >> shift) + 1] += 1 }
            total += entries.count
        }
        for bucket in 0..<(1 << bucketBits) { starts[bucket + 1] += starts[bucket] }
        var next = starts
        let placed = [Entry](unsafeUninitializedCapacity: total) { buffer, count in
            for entries in perFile {
                for entry in entries {
                    let bucket = Int(entry.hash >> shift)
                    (buffer.baseAddress! + Int(next[bucket])).initialize(to: entry)
                    next[bucket] += 1
                }
            }
            // Insertion sort within each bucket (two or three entries on average).
            for bucket in 0..<(1 << bucketBits) {
                let start = Int(starts[bucket])
                let end = Int(starts[bucket + 1])
                guard end - start > 1 else { continue }
                for index in (start + 1)..<end {
                    let entry = buffer[index]
                    var at = index
                    while at > start, entry < buffer[at - 1] {
                        buffer[at] = buffer[at - 1]
                        at -= 1
                    }
                    buffer[at] = entry
                }
            }
            count = total
        }
        return (placed, starts)
    }

    private static func buckets(of entries: [Entry]) -> [Int32] {
        var starts = [Int32](repeating: Int32(entries.count), count: (1 << bucketBits) + 1)
        var bucket = 0
        for (index, entry) in entries.enumerated() {
            let own = Int(entry.hash >> UInt64(64 - bucketBits))
            while bucket <= own {
                starts[bucket] = Int32(index)
                bucket += 1
            }
        }
        return starts
    }

    /// The hash and check of each person a file's committee lists, with the entry's line.
    static func entries(of file: NetworkFile, at number: Int32) -> [Entry] {
        (file.outline?.people ?? []).map { Entry(hash: $0.hash, file: number, line: $0.line, check: $0.check) }
    }

    /// Replaces the entries of the file at `number` by those of `file`.
    mutating func replace(_ number: Int32, with file: NetworkFile) {
        let added = Self.entries(of: file, at: number).sorted()
        var merged: [Entry] = []
        merged.reserveCapacity(entries.count + added.count)
        var next = 0
        for entry in entries where entry.file != number {
            while next < added.count, added[next] < entry {
                merged.append(added[next])
                next += 1
            }
            merged.append(entry)
        }
        merged.append(contentsOf: added[next...])
        entries = merged
    }

    /// The first entry (by file, then line) for a name.
    func first(hash: UInt64, check: UInt64) -> Entry? {
        let bucket = Int(hash >> UInt64(64 - Self.bucketBits))
        var index = Int(buckets[bucket])
        let end = Int(buckets[bucket + 1])
        while index < end, entries[index].hash < hash { index += 1 }
        while index < end, entries[index].hash == hash {
            if entries[index].check == check { return entries[index] }
            index += 1
        }
        return nil
    }
}
