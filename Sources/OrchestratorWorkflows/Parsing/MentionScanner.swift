internal import OrchestratorCore
internal import Foundation

/// Finds which step names (and FINISH / FAILED) a piece of prose mentions, in order of first mention.
/// Longer names win where names overlap, so "Create Commit" is not also read as "Commit".
enum MentionScanner {
    static func mentions(in text: String, stepNames: [String]) -> [StepTarget] {
        // Prose wraps lines anywhere, so "Update\nREADME" still names "Update README".
        let haystack = text.split(whereSeparator: \.isWhitespace).joined(separator: " ") as NSString
        var taken: [NSRange] = []
        var found: [(position: Int, target: StepTarget)] = []
        let candidates = stepNames.map { ($0, StepTarget.step($0), true) } + [("FINISH", .finish, false), ("FAILED", .failed, false)]
        for (name, target, ignoringCase) in candidates.sorted(by: { $0.0.count > $1.0.count }) {
            var search = NSRange(location: 0, length: haystack.length)
            while true {
                let range = haystack.range(of: name, options: ignoringCase ? [.caseInsensitive] : [], range: search)
                guard range.location != NSNotFound else { break }
                search = NSRange(location: range.location + range.length, length: haystack.length - range.location - range.length)
                guard isWordBoundary(haystack, before: range.location), isWordBoundary(haystack, at: range.location + range.length),
                      !taken.contains(where: { NSIntersectionRange($0, range).length > 0 })
                else { continue }
                taken.append(range)
                if !found.contains(where: { $0.target.matches(target) }) { found.append((range.location, target)) }
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.target)
    }

    private static func isWordBoundary(_ text: NSString, before location: Int) -> Bool {
        location == 0 || !isWordCharacter(text.character(at: location - 1))
    }

    private static func isWordBoundary(_ text: NSString, at location: Int) -> Bool {
        location >= text.length || !isWordCharacter(text.character(at: location))
    }

    private static func isWordCharacter(_ unit: unichar) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return true }
        return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
