extension String {
    /// Levenshtein distance between two words, by characters: how many insertions, deletions and
    /// substitutions turn one into the other.
    package func editDistance(to other: String) -> Int {
        let left = Array(self)
        let right = Array(other)
        var previous = Array(0...right.count)
        for (i, a) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, b) in right.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a == b ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
