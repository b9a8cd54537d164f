internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// Arguments many tools take, each declared once.
enum CommonArguments {
    static let requestID = Argument.string("requestId")
    static let taskID = Argument.string("taskId")
    /// Who acts: the instance that claims or holds the task; the client's name when left out.
    static let instanceID = Argument.optionalString(
        "instanceId",
        Argument.text(description: "Who acts (default: client name).")
    )
    /// The compatibility sets name tasks by `task_id` alone.
    static let compatTaskID = Argument.string("task_id")
    /// A planned task list, as `request_planning` and `add_tasks_to_request` take it.
    static let tasks = Argument.value("tasks", TaskDraftInput.schema, required: true)
}

extension ToolInvocation {
    var requestID: WorkRequest.ID { WorkRequest.ID(self[CommonArguments.requestID]) }

    var taskID: WorkTask.ID { WorkTask.ID(self[CommonArguments.taskID]) }

    /// The `task_id` argument.
    var compatTaskID: WorkTask.ID { WorkTask.ID(self[CommonArguments.compatTaskID]) }
}
