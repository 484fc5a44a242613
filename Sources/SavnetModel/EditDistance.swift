/// Levenshtein distance over Unicode scalars, for "did you mean" suggestions.
public enum EditDistance {
    /// The number of single-scalar insertions, deletions and substitutions from `a` to `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// The distance between two scalar arrays.
    public static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
