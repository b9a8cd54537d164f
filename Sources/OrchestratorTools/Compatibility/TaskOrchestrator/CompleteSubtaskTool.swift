internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// mcp-task-orchestrator's `orchestrator_complete_subtask`: results, artifacts and what comes next.
package struct CompleteSubtaskTool: MCPTool {
    package let name = "orchestrator_complete_subtask"
    package let title = "Complete a subtask"
    package let description = """
        Report a subtask: continue or complete finish it with the results (complete also closes the plan when \
        everything is approved); needs_revision or blocked keep it in progress with the results noted.
        """
    package let toolset = Toolset.taskOrchestrator
    package let annotations = ToolAnnotations.change
    package let inputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "task_id": ["type": "string", "minLength": 1],
            "results": ["type": "string", "minLength": 1],
            "artifacts": ["type": "array", "items": ["type": "string"]],
            "next_action": ["type": "string", "enum": .array(NextAction.allCases.map { .string($0.rawValue) })],
        ],
        "required": ["task_id", "results", "next_action"],
        "additionalProperties": false,
    ]
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "subtask": TaskOrchestratorView.subtaskSchema,
            "parent_task_id": ["type": "string"],
            "next_action": ["type": "string"],
            "unlocked": ["type": "array", "items": ["type": "string"]],
            "plan_completed": ["type": "boolean"],
        ],
        "required": ["subtask", "parent_task_id", "next_action", "unlocked", "plan_completed"],
    ]

    enum NextAction: String, CaseIterable {
        case `continue`, complete
        case needsRevision = "needs_revision"
        case blocked
    }

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let id = invocation.compatTaskID
        let action = NextAction(rawValue: invocation.string("next_action")) ?? .continue
        var details = invocation.string("results")
        let artifacts = (invocation.arguments["artifacts"]?.arrayValue ?? []).compactMap(\.stringValue)
        if !artifacts.isEmpty { details += "\n\nArtifacts: " + artifacts.joined(separator: ", ") }
        let actor = invocation.actor
        let report: Orchestrator.SubtaskReport =
            switch action {
            case .needsRevision, .blocked: .note("\(action.rawValue): \(details)")
            case .continue: .done(details: details, closingPlan: false)
            case .complete: .done(details: details, closingPlan: true)
            }
        let (reported, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.reportSubtask(id, report, by: actor)
        }
        let requestID = reported.request
        let unlocked = reported.unlocked
        let closed = reported.closedPlan
        let (_, task) = try invocation.locateTask(id, in: state)
        var text: String =
            switch action {
            case .needsRevision: "Subtask \(id) stays in progress for revision; the results are noted in its history."
            case .blocked: "Subtask \(id) stays in progress, blocked; the reason is noted in its history."
            case .continue, .complete: "Subtask \(id) is \(task.status.words)."
            }
        if !unlocked.isEmpty { text += " Now ready: \(unlocked.map(\.rawValue).joined(separator: ", "))." }
        if closed {
            text += " Every subtask is done: plan \(requestID) is complete. Call orchestrator_synthesize_results."
        }
        return .complete(
            ToolOutput(
                structured: [
                    "subtask": TaskOrchestratorView.subtask(task), "parent_task_id": .string(requestID.rawValue),
                    "next_action": .string(action.rawValue), "unlocked": .array(unlocked.map { .string($0.rawValue) }),
                    "plan_completed": .bool(closed),
                ],
                text: text))
    }
}
