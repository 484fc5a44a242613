/// One thing a page or a file's check read from the directory. Reads are recorded while
/// pages render and rules run (`Directory.recording(into:)`), so that after an edit the
/// engine renders and checks again exactly what read something the edit changed: what
/// depends on what is never written down by hand, away from the code that reads.
///
/// A read is one 64-bit number (recorded by the hundred thousand, and hashed and stored
/// as such): its kind in the low two bits, above them an area code's digits and length
/// or a person's hash. Two reads that share a number (a hashed code that collides) only
/// make an edit reach more than it must, never less.
public struct DirectoryRead: Hashable, Sendable, Comparable {
    /// The number.
    public let raw: UInt64

    public init(raw: UInt64) { self.raw = raw }

    /// The network file(s) claiming an area, or that none does.
    public static func area(_ code: String) -> DirectoryRead { DirectoryRead(raw: number(code) << 2 | 0) }
    /// Anything at or below an area: which areas have networks, roll-ups.
    public static func subtree(_ code: String) -> DirectoryRead { DirectoryRead(raw: number(code) << 2 | 1) }
    /// The committees that list a person (`PersonName.hash` of name and level).
    public static func person(_ hash: UInt64) -> DirectoryRead { DirectoryRead(raw: hash << 2 | 2) }
    /// Every file: the list of all networks.
    public static let all = DirectoryRead(raw: 3)

    /// A code of up to 18 ASCII digits as its length and value; anything else hashed,
    /// with the top bit set.
    static func number(_ code: String) -> UInt64 {
        var value: UInt64 = 0
        var length: UInt64 = 0
        for byte in code.utf8 {
            guard (0x30...0x39).contains(byte), length < 12 else { return hashed(code) }
            value = value * 10 + UInt64(byte - 0x30)
            length += 1
        }
        return length << 40 | value
    }

    private static func hashed(_ code: String) -> UInt64 {
        (ContentDigest(code).value | 1 << 61) & (1 << 62 - 1)
    }

    public static func < (lhs: DirectoryRead, rhs: DirectoryRead) -> Bool { lhs.raw < rhs.raw }

    /// What an edit of a file that held `network` (before or after the edit) changes for
    /// readers: its area, every subtree it lies in, the people on its committee, and the
    /// list of all files. An edit's reads are those of the old and the new version.
    public static func changed(by file: NetworkFile) -> Set<DirectoryRead> {
        var reads: Set<DirectoryRead> = [.all]
        guard let outline = file.outline else { return reads }
        let code = AreaCode(unchecked: outline.area)
        reads.insert(.area(code.value))
        for area in code.lineage { reads.insert(.subtree(area.value)) }
        for person in PeopleIndex.entries(of: file, at: 0) { reads.insert(.person(person.hash)) }
        return reads
    }
}

/// Collects the reads of one page or one file's check. Each log is filled by one thread.
public final class ReadLog: @unchecked Sendable {
    public private(set) var reads: Set<DirectoryRead> = []

    public init() {}

    func note(_ read: DirectoryRead) { reads.insert(read) }
}
