/// A set of whole numbers for the rules' bookkeeping of village, clause and chapter
/// numbers (1 to 999 as the decoder reads them): a bit each below 1,024, a hash set only
/// for any other. A rule runs for every network, and a hash set per network cost more
/// than the rule's own checks.
struct NumberSet {
    private var bits = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                        UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    private var others: Set<Int>?
    /// Whether the set is empty.
    private(set) var isEmpty = true

    init() {}

    /// Adds `number`; returns whether it was new.
    @discardableResult
    mutating func insert(_ number: Int) -> Bool {
        isEmpty = false
        guard (0..<1024).contains(number) else {
            if others == nil { others = [] }
            return others!.insert(number).inserted
        }
        let bit = UInt64(1) << UInt64(number & 63)
        return withUnsafeMutableBytes(of: &bits) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            let new = words[number >> 6] & bit == 0
            words[number >> 6] |= bit
            return new
        }
    }

    /// Whether `number` is in the set.
    func contains(_ number: Int) -> Bool {
        guard (0..<1024).contains(number) else { return others?.contains(number) ?? false }
        return withUnsafeBytes(of: bits) { raw in
            raw.load(fromByteOffset: (number >> 6) * 8, as: UInt64.self) & (UInt64(1) << UInt64(number & 63)) != 0
        }
    }
}
