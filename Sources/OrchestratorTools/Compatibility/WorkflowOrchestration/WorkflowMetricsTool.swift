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
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "time_range": ["type": "string"],
            "runs": ["type": "object"],
            "tasks": ["type": "object"],
        ],
        "required": ["time_range", "runs", "tasks"],
    ]

    static let seconds: [String: Int] = ["1h": 3600, "24h": 86_400, "7d": 604_800, "30d": 2_592_000]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let range = (invocation[Arguments.range] ?? .all).rawValue
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
        var runStats: [String: JSONValue] = [
            "started": .int(runs.count),
            "completed": .int(runs.filter { $0.status == .completed }.count),
            "failed": .int(runs.filter { $0.status == .failed }.count),
            "running": .int(runs.filter { $0.status == .running }.count),
        ]
        runStats["average_duration_seconds"] = average(durations)
        var taskStats: [String: JSONValue] = ["finished": .int(done), "approved": .int(approved)]
        taskStats["average_seconds_from_claim_to_done"] = average(claimToDone)
        return .complete(
            ToolOutput(
                structured: ["time_range": .string(range), "runs": .object(runStats), "tasks": .object(taskStats)],
                text:
                    "Over \(range): \(runs.count) runs started (\(runStats["completed"]!) completed, \(runStats["failed"]!) failed); \(done) tasks finished."
            ))
    }
}
