internal import OrchestratorCore

/// Finds which step names (and FINISH / FAILED) a piece of prose mentions, in order of first mention.
/// Longer names win where names overlap, so "Create Commit" is not also read as "Commit".
///
/// Plain Swift on Unicode scalars: Foundation's case-insensitive search loads ICU, which would cost a
/// server start several milliseconds.
enum MentionScanner {
    static func mentions(in text: String, stepNames: [String]) -> [StepTarget] {
        // Prose wraps lines anywhere, so "Update\nREADME" still names "Update README".
        let text = collapsed(text)
        let original = Array(text.unicodeScalars)
        var lowered = Array(text.lowercased().unicodeScalars)
        // Lowercasing keeps positions for all but a few scripts; there, compare scalar by scalar.
        if lowered.count != original.count { lowered = original.map(lower) }
        var taken = [Bool](repeating: false, count: original.count)
        var found: [(position: Int, target: StepTarget)] = []
        let candidates =
            stepNames.map { (Array(collapsed($0).lowercased().unicodeScalars), StepTarget.step($0), true) }
            + [(Array("FINISH".unicodeScalars), .finish, false), (Array("FAILED".unicodeScalars), .failed, false)]
        for (needle, target, ignoringCase) in candidates.sorted(by: { $0.0.count > $1.0.count }) where !needle.isEmpty {
            let haystack = ignoringCase ? lowered : original
            var start = 0
            while start + needle.count <= haystack.count {
                let end = start + needle.count
                if haystack[start..<end].elementsEqual(needle),
                    start == 0 || !isWordCharacter(original[start - 1]),
                    end == original.count || !isWordCharacter(original[end]),
                    !taken[start..<end].contains(true)
                {
                    for index in start..<end { taken[index] = true }
                    if !found.contains(where: { $0.target.matches(target) }) { found.append((start, target)) }
                    start = end
                } else {
                    start += 1
                }
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.target)
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The lowercase form of one scalar, or the scalar itself where lowercasing makes several.
    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lowered = scalar.properties.lowercaseMapping.unicodeScalars
        guard lowered.count == 1, let single = lowered.first else { return scalar }
        return single
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }
}
