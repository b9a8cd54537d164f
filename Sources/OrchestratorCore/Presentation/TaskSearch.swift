/// Finding work a person remembers, live and archived: every word of the query, in any order, case
/// and accents aside, each word matching a whole word or the start of one, over the request's text,
/// the task's title and description, what was reported done, feedback, and the history's notes
/// (where earlier, rejected reports stay). Best matches first: a word in the title counts most, a
/// whole word more than the start of one. One rule for the tool and the command.
package enum TaskSearch {
    package struct Match: Sendable, Equatable {
        package let request: WorkRequest
        package let task: WorkTask
        package let archived: Bool
        /// Which text matched best: request, title, description, completedDetails, feedback or history.
        package let field: String
        /// The matching text around the match, on one line.
        package let excerpt: String
        /// How well it matched: higher is better.
        package let score: Int
    }

    /// Where a query word was found best in one task.
    private struct Hit {
        var score = 0
        var field = ""
        var text = ""
        var offset = 0
    }

    /// The best `limit` matches, best first; live before archived, then plan order, among equals.
    package static func matches(
        _ query: String, live: [WorkRequest], archived: [WorkRequest], limit: Int = 50
    ) -> [Match] {
        matches(query, live: SearchIndex(live), archived: SearchIndex(archived), limit: limit)
    }

    /// The same, over indexes already made (the archive's is kept while the archive stays as it is).
    package static func matches(
        _ query: String, live: SearchIndex, archived: SearchIndex, limit: Int = 50
    ) -> [Match] {
        let wanted = SearchQuery(query)
        guard !wanted.words.isEmpty else { return [] }
        var found: [(index: SearchIndex, place: Int, score: Int, archived: Bool)] = []
        for (index, isArchived) in [(live, false), (archived, true)] {
            for (place, score) in index.scores(wanted) { found.append((index, place, score, isArchived)) }
        }
        found.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.archived != b.archived { return !a.archived }
            return a.place < b.place
        }
        return found.prefix(limit).map { candidate in
            let (requestIndex, taskIndex) = candidate.index.places[candidate.place]
            let request = candidate.index.requests[requestIndex]
            let task = request.tasks[taskIndex]
            // Where it matched best, read again from the texts themselves for the excerpt.
            var best = [Hit](repeating: Hit(), count: wanted.words.count)
            look(in: request.originalRequest, field: .request, wanted, &best)
            look(in: task.title, field: .title, wanted, &best)
            look(in: task.description, field: .description, wanted, &best)
            if let report = task.completedDetails { look(in: report, field: .completedDetails, wanted, &best) }
            if let feedback = task.feedback { look(in: feedback, field: .feedback, wanted, &best) }
            for entry in task.history {
                if let note = entry.note { look(in: note, field: .history, wanted, &best) }
            }
            let shown = best.max { $0.score < $1.score } ?? Hit()
            return Match(
                request: request, task: task, archived: candidate.archived, field: shown.field,
                excerpt: excerpt(of: shown.text, at: shown.offset), score: candidate.score)
        }
    }

    /// Each wanted word's better place, if `text` has one.
    private static func look(in text: String, field: SearchIndex.Field, _ wanted: SearchQuery, _ best: inout [Hit]) {
        SearchText.find(wanted, in: text) { index, whole, offset in
            let score = field.weight * (whole ? 2 : 1)
            if score > best[index].score {
                best[index] = Hit(score: score, field: field.name, text: text, offset: offset)
            }
        }
    }

    /// Up to 40 characters either side of the word at UTF-8 `offset`, newlines as spaces.
    static func excerpt(of text: String, at offset: Int) -> String {
        let utf8 = text.utf8
        let at = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        let before = text[..<at].suffix(40)
        let after = text[at...].prefix(60)
        let body = (before + after).map { $0.isNewline ? " " : $0 }
        return (before.startIndex > text.startIndex ? "…" : "") + String(body)
            + (after.endIndex < text.endIndex ? "…" : "")
    }
}
