internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// workflow-orchestration's `get_workflow_metrics {time_range?}`: counts and durations from the
/// state file's history, over the last hour, day, week or all of it.
package struct WorkflowMetricsTool: OrchestratorTool {
    package let name = "get_workflow_metrics"
    package let title = "Workflow metrics"
    package let description =
        "Runs started, completed and failed, their durations, and tasks finished, over time_range (1h, 24h, 7d, all). Read-only."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let range = Argument.choice("time_range", TimeRange.self)
    }

    /// How far back the metrics look.
    enum TimeRange: String, CaseIterable, Sendable {
        case hour = "1h"
        case day = "24h"
        case week = "7d"
        case month = "30d"
        case all
    }
    package let inputSchema = ToolArguments.schema(Arguments.range)
    /// An average over what the range holds; `null` when it holds nothing.
    static func average(_ name: String) -> ResultField<JSONValue> {
        Field.value(name, ["type": ["number", "null"]], required: true)
    }

    /// The runs' counts.
    enum Runs {
        static let started = Field.count("started", required: true)
        static let completed = Field.count("completed", required: true)
        static let failed = Field.count("failed", required: true)
        static let running = Field.count("running", required: true)
        static let averageDuration = WorkflowMetricsTool.average("average_duration_seconds")
        static let schema = ResultFields.schema(started, completed, failed, running, averageDuration)
    }

    /// The tasks' counts.
    enum Tasks {
        static let finished = Field.count("finished", required: true)
        static let approved = Field.count("approved", required: true)
        static let averageClaimToDone = WorkflowMetricsTool.average("average_seconds_from_claim_to_done")
        static let schema = ResultFields.schema(finished, approved, averageClaimToDone)
    }

    /// The tool's result fields.
    enum Fields {
        static let timeRange = Field.choice("time_range", TimeRange.self, required: true)
        static let runs = Field.value("runs", Runs.schema, required: true)
        static let tasks = Field.value("tasks", Tasks.schema, required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.timeRange, Fields.runs, Fields.tasks)

    static let seconds: [String: Int] = ["1h": 3600, "24h": 86_400, "7d": 604_800, "30d": 2_592_000]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let chosen = invocation[Arguments.range] ?? .all
        let range = chosen.rawValue
        let since = Self.seconds[range].map { invocation.now.adding(seconds: -$0) }
        let state = try invocation.currentState()
        func inRange(_ moment: Timestamp) -> Bool { since.map { moment >= $0 } ?? true }
        let runs = state.runs.filter { inRange($0.createdAt) }
        let finished = runs.filter { $0.finishedAt != nil }
        let durations = finished.compactMap { run in
            run.finishedAt.map { Double($0.millisecondsSince1970 - run.createdAt.millisecondsSince1970) / 1000 }
        }
        var done = 0
        var approved = 0
        var claimToDone: [Double] = []
        for request in state.requests {
            for task in request.tasks {
                let finish = task.history.last { $0.action == .markedDone && inRange($0.at) }
                guard let finish else { continue }
                done += 1
                if task.status == .approved { approved += 1 }
                if let claim = task.history.last(where: { $0.action == .claimed && $0.at <= finish.at }) {
                    claimToDone.append(Double(finish.at.millisecondsSince1970 - claim.at.millisecondsSince1970) / 1000)
                }
            }
        }
        func average(_ values: [Double]) -> JSONValue {
            values.isEmpty ? .null : .double(values.reduce(0, +) / Double(values.count))
        }
        let completed = runs.filter { $0.status == .completed }.count
        let failed = runs.filter { $0.status == .failed }.count
        let runStats = ResultFields.object([
            Runs.started(runs.count), Runs.completed(completed), Runs.failed(failed),
            Runs.running(runs.filter { $0.status == .running }.count), Runs.averageDuration(average(durations)),
        ])
        let taskStats = ResultFields.object([
            Tasks.finished(done), Tasks.approved(approved), Tasks.averageClaimToDone(average(claimToDone)),
        ])
        return .complete(
            ToolOutput(
                fields: [Fields.timeRange(chosen), Fields.runs(runStats), Fields.tasks(taskStats)],
                text:
                    "Over \(range): \(runs.count) runs started (\(completed) completed, \(failed) failed); \(done) tasks finished."
            ))
    }
}
