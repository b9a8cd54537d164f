internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// The mcp-task-orchestrator tool set's view of the core: a plan is a "parent task" (a request),
/// its tasks are subtasks whose role is the specialist type.
enum TaskOrchestratorView {
    /// A subtask's fields.
    enum Subtask {
        static let taskID = Field.string("task_id", required: true)
        static let title = Field.string("title", required: true)
        static let description = Field.string("description", required: true)
        static let status = Field.choice("status", WorkTask.Status.self, required: true)
        static let dependencies = Field.strings("dependencies", required: true)
        static let specialistType = Field.string("specialist_type")
        static let results = Field.string("results")
        static let schema = ResultFields.schema(
            taskID, title, description, status, dependencies, specialistType, results)
    }

    static func subtask(_ task: WorkTask) -> JSONValue {
        ResultFields.object([
            Subtask.taskID(task.id.rawValue), Subtask.title(task.title), Subtask.description(task.description),
            Subtask.status(task.status), Subtask.dependencies(task.dependsOn.map(\.rawValue)),
            Subtask.specialistType(ifAny: task.role), Subtask.results(ifAny: task.completedDetails),
        ])
    }

    static let subtaskSchema = Subtask.schema

    /// A result's plan (a request, in that set's words).
    static let parentTaskID = Field.string("parent_task_id", required: true)
    /// A result's one subtask.
    static let subtaskField = Field.value("subtask", subtaskSchema, required: true)
    /// A result's subtasks.
    static let subtasks = Field.list("subtasks", of: subtaskSchema, required: true)
}
