import SavnetModel

/// "Did you mean …?" for misspelt keys.
enum KeySuggestion {
    /// The allowed key nearest to `key`, if it is close enough to be a typo.
    static func closest(to key: String, among allowed: [String]) -> String? {
        let input = Array(key.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in allowed {
            let distance = EditDistance.between(input, Array(candidate.unicodeScalars))
            if distance <= max(1, candidate.count / 3), distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }
}
