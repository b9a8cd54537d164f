internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// The orchestrator-server tool set's view of the core: its tasks live in one request of their own,
/// and appear in its `Task` shape (`id, description, status, assignedTo, result, dependencies`).
enum OrchestratorServerTasks {
    /// A task's status in that set's words.
    enum Status: String, CaseIterable, Sendable {
        case pending
        case inProgress = "in_progress"
        /// Done and approved both count as completed.
        case completed

        init(_ task: WorkTask) {
            switch task.status {
            case .pending: self = .pending
            case .inProgress: self = .inProgress
            case .done, .approved: self = .completed
            }
        }
    }

    /// pending, in_progress or completed.
    static func status(_ task: WorkTask) -> String { Status(task).rawValue }

    /// The `Task` shape's fields.
    enum Fields {
        static let id = Field.string("id", required: true)
        static let description = Field.string("description", required: true)
        static let status = Field.choice("status", Status.self, required: true)
        static let dependencies = Field.strings("dependencies", required: true)
        static let assignedTo = Field.string("assignedTo")
        static let result = Field.string("result")
    }

    static func json(_ task: WorkTask) -> JSONValue {
        ResultFields.object([
            Fields.id(task.id.rawValue), Fields.description(task.description), Fields.status(Status(task)),
            Fields.dependencies(task.dependsOn.map(\.rawValue)), Fields.assignedTo(ifAny: task.assignee),
            Fields.result(ifAny: task.completedDetails),
        ])
    }

    static let schema = ResultFields.schema(
        Fields.id, Fields.description, Fields.status, Fields.dependencies, Fields.assignedTo, Fields.result)

    /// A result's `task` field, in this shape.
    static let task = Field.value("task", schema, required: true)
}
