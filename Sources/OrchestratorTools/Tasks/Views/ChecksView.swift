internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// How a task's checks appear in results: each check's status, exit status, time and output tail, and
/// why none ran.
enum ChecksView {
    /// One check's fields.
    enum Run {
        static let name = Field.string("name", required: true)
        static let required = Field.flag("required", required: true)
        static let status = Field.choice("status", TaskChecks.Status.self, required: true)
        static let exitStatus = Field.integer("exitStatus")
        static let milliseconds = Field.count("milliseconds")
        static let tail = Field.string("tail", description: "The last lines it printed.")
        static let schema = ResultFields.schema(name, required, status, exitStatus, milliseconds, tail)
    }

    /// The checks' fields.
    enum Fields {
        static let round = Field.count("round", required: true)
        static let summary = Field.string("summary", required: true)
        static let runs = Field.list("runs", of: Run.schema, required: true)
        static let note = Field.string("note", description: "Why no check ran.")
    }

    static let schema = ResultFields.schema(Fields.round, Fields.summary, Fields.runs, Fields.note)

    static func json(_ checks: TaskChecks) -> JSONValue {
        ResultFields.object([
            Fields.round(checks.round), Fields.summary(checks.summary),
            Fields.runs(
                checks.runs.map { run in
                    ResultFields.object([
                        Run.name(run.name), Run.required(run.required), Run.status(run.status),
                        Run.exitStatus(ifAny: run.exitStatus), Run.milliseconds(ifAny: run.milliseconds),
                        Run.tail(ifAny: run.tail),
                    ])
                }),
            Fields.note(ifAny: checks.note),
        ])
    }

    /// A few lines for a result's text.
    static func text(_ checks: TaskChecks) -> String {
        var lines = ["Checks: \(checks.summary)."]
        for run in checks.runs where run.status != .running {
            lines.append(
                "- \(run.name) (\(run.required ? "required" : "advisory")): \(run.status.rawValue)"
                    + (run.exitStatus.map { ", exit status \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
