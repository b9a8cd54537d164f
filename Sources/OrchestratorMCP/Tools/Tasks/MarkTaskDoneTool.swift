internal import OrchestratorCore
package import OrchestratorJSON

/// `mark_task_done`: records the work as finished; it then waits for approval.
package struct MarkTaskDoneTool: MCPTool {
    package let name = "mark_task_done"
    package let title = "Mark a task done"
    package let description = """
        Mark a task you took as done, with completedDetails saying what was done. It then awaits approval; the \
        result lists the tasks this unlocked.
        """
    package let toolset = Toolset.core
    package let taskmanagerStatus: String? = "task_marked_done"
    package let annotations = ToolAnnotations.change
    package let inputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "requestId": ["type": "string", "minLength": 1],
            "taskId": ["type": "string", "minLength": 1],
            "completedDetails": ["type": "string", "minLength": 1, "description": "What was done, for the reviewer."],
            "instanceId": [
                "type": "string", "minLength": 1, "description": "The instance that holds the task, if one claimed it.",
            ],
        ],
        "required": ["requestId", "taskId", "completedDetails"],
        "additionalProperties": false,
    ]
    package var outputSchema: JSONValue {
        TaskResult.schema(
            extra: ["unlocked": TaskView.idListSchema, "autoApproved": ["type": "boolean"]],
            required: ["unlocked", "autoApproved"])
    }

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let taskID = invocation.taskID
        let holder = invocation.optionalString("instanceId")
        let actor = invocation.actor
        let details = invocation.string("completedDetails")
        let (effect, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.markDone(taskID, in: requestID, details: details, holder: holder, by: actor)
        }
        let next: String
        if effect.autoApproved {
            next = "The auto policy approved it. Unlocked: \(TaskResult.list(effect.unlocked)). Call get_next_task."
        } else if invocation.environment.configuration.approver == .human {
            next =
                "It now awaits the person's approval: call approve_task_completion to ask them, or they run "
                + "`mcp-orchestrator approve \(requestID) \(taskID)`."
        } else {
            next = "It now awaits approval: approve_task_completion, or reject_task with feedback."
        }
        return .complete(
            TaskResult.output(
                headline: "Task \(taskID) is done. Unlocked: \(TaskResult.list(effect.unlocked)).",
                task: taskID, in: requestID, state: state,
                extra: [
                    "unlocked": .array(effect.unlocked.map { .string($0.rawValue) }),
                    "autoApproved": .bool(effect.autoApproved),
                ],
                next: next))
    }
}
