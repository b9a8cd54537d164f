internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `get_task_status`: with `task_id`, the status and assignee of that task;
/// without parameters (as that project's README has it, "Get status of all tasks"), every task of
/// the active plans with its status and assignee.
package struct GetTaskStatusTool: OrchestratorTool {
    package let name = "get_task_status"
    package let title = "Get a task's status"
    package let description =
        "A task's status (pending, in_progress, completed) and who holds it; without task_id, every active task's. Read-only."
    package let toolset = Toolset.orchestratorServer
    /// The same tool, name and shape in both sets that have it.
    package var toolsets: [Toolset] { [.orchestratorServer, .workflowOrchestration] }
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let task = CommonArguments.compatTaskID.requiring(false)
    }
    package let inputSchema = ToolArguments.schema(Arguments.task)
    /// One task's status, the answer with task_id and each item without.
    enum Status {
        static let taskID = Field.string("task_id")
        static let status = Field.choice("status", OrchestratorServerTasks.Status.self)
        static let assignedTo = Field.string("assignedTo")
        static let item = ResultFields.schema(taskID.requiring(true), status.requiring(true), assignedTo)
    }

    /// The list, without task_id.
    enum Fields {
        static let tasks = Field.list("tasks", of: Status.item)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Status.taskID, Status.status, Status.assignedTo, Fields.tasks)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let state = try invocation.currentState()
        guard invocation[Arguments.task] != "" else {
            let tasks = state.requests.filter { $0.status == .active && $0.workflowRun == nil }.flatMap(\.liveTasks)
            let lines = tasks.map {
                "- \($0.id): \(OrchestratorServerTasks.status($0))\($0.assignee.map { ", assigned to \($0)" } ?? "")"
            }
            return .complete(
                ToolOutput(
                    fields: [Fields.tasks(tasks.map { ResultFields.object(Self.members($0)) })],
                    text: tasks.isEmpty ? "There are no active tasks." : lines.joined(separator: "\n")))
        }
        let (_, task) = try invocation.locateTask(invocation.compatTaskID, in: state)
        return .complete(
            ToolOutput(
                fields: Self.members(task),
                text:
                    "Task \(task.id) is \(OrchestratorServerTasks.status(task))\(task.assignee.map { ", assigned to \($0)" } ?? "")."
            ))
    }

    private static func members(_ task: WorkTask) -> [ResultMember?] {
        [
            Status.taskID(task.id.rawValue), Status.status(OrchestratorServerTasks.Status(task)),
            Status.assignedTo(ifAny: task.assignee),
        ]
    }
}
