internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// How a task's evidence appears in results: the files with their lines, the totals and what limits
/// it; never the patch, which the person reads on the board or with `diff`.
enum EvidenceView {
    /// One file's fields.
    enum File {
        static let path = Field.string("path", required: true)
        static let previousPath = Field.string("previousPath")
        static let kind = Field.choice("kind", TaskEvidence.FileChange.Kind.self, required: true)
        static let added = Field.count("added", description: "Lines added; absent for a binary file.")
        static let removed = Field.count("removed", description: "Lines removed; absent for a binary file.")
        static let schema = ResultFields.schema(path, previousPath, kind, added, removed)
    }

    /// The evidence's fields.
    enum Fields {
        static let round = Field.count("round", required: true)
        static let summary = Field.string("summary", required: true)
        static let files = Field.list("files", of: File.schema, required: true)
        static let linesAdded = Field.count("linesAdded", required: true)
        static let linesRemoved = Field.count("linesRemoved", required: true)
        static let notes = Field.strings("notes", required: true)
        static let source = Field.choice("source", TaskEvidence.Source.self, required: true)
    }

    static let schema = ResultFields.schema(
        Fields.round, Fields.summary, Fields.files, Fields.linesAdded, Fields.linesRemoved, Fields.notes, Fields.source)

    static func json(_ evidence: TaskEvidence) -> JSONValue {
        ResultFields.object([
            Fields.round(evidence.round), Fields.summary(evidence.summary),
            Fields.files(
                evidence.files.map { file in
                    ResultFields.object([
                        File.path(file.path), File.previousPath(ifAny: file.previousPath), File.kind(file.kind),
                        File.added(ifAny: file.added), File.removed(ifAny: file.removed),
                    ])
                }),
            Fields.linesAdded(evidence.linesAdded), Fields.linesRemoved(evidence.linesRemoved),
            Fields.notes(evidence.notes), Fields.source(evidence.source),
        ])
    }

    /// A few lines for the text of a result: the totals, each file, the notes.
    static func text(_ evidence: TaskEvidence) -> String {
        var lines = ["Changed in the working tree: \(evidence.summary)."]
        for file in evidence.files.prefix(20) {
            let counts = file.isBinary ? "binary" : "+\(file.added ?? 0) −\(file.removed ?? 0)"
            let from = file.previousPath.map { " (from \($0))" } ?? ""
            lines.append("- \(file.kind.rawValue) \(file.path)\(from): \(counts)")
        }
        if evidence.files.count > 20 { lines.append("- … \(evidence.files.count - 20) more") }
        lines += evidence.notes.map { "Note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
