/// Finding work, live and archived: a case-insensitive search of task titles, descriptions, what was
/// reported done and reviewers' feedback. One rule for the tool and the command.
package enum TaskSearch {
    package struct Match: Sendable, Equatable {
        package let request: WorkRequest
        package let task: WorkTask
        package let archived: Bool
        /// Which text matched: title, description, completedDetails or feedback.
        package let field: String
        /// The matching text around the match, on one line.
        package let excerpt: String
    }

    /// Matches in plan order, live requests first, at most `limit`.
    package static func matches(
        _ query: String, live: [WorkRequest], archived: [WorkRequest], limit: Int = 50
    ) -> [Match] {
        let needle = query.lowercased()
        guard !needle.isBlank else { return [] }
        var found: [Match] = []
        for (requests, isArchived) in [(live, false), (archived, true)] {
            for request in requests {
                for task in request.tasks where !task.isDeleted {
                    let fields: [(String, String?)] = [
                        ("title", task.title), ("description", task.description),
                        ("completedDetails", task.completedDetails), ("feedback", task.feedback),
                    ]
                    for (field, text) in fields {
                        guard let text, let excerpt = excerpt(of: text, around: needle) else { continue }
                        found.append(
                            Match(request: request, task: task, archived: isArchived, field: field, excerpt: excerpt))
                        if found.count == limit { return found }
                        break
                    }
                }
            }
        }
        return found
    }

    /// Up to 40 characters either side of the first match, newlines as spaces; `nil` without a match.
    static func excerpt(of text: String, around needle: String) -> String? {
        let lowered = text.lowercased()
        guard let range = lowered.range(of: needle) else { return nil }
        let start = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
        let characters = Array(text)
        let from = max(0, start - 40)
        let to = min(characters.count, start + needle.count + 40)
        let body = String(characters[from..<to]).map { $0.isNewline ? " " : $0 }
        return (from > 0 ? "…" : "") + String(body) + (to < characters.count ? "…" : "")
    }
}

extension String {
    /// The first range of `other`, by characters (no Foundation).
    fileprivate func range(of other: String) -> Range<String.Index>? {
        guard !other.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(other) { return index..<self.index(index, offsetBy: other.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
