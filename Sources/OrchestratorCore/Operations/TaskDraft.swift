/// A task as the model proposes it in `request_planning` or `add_tasks_to_request`.
package struct TaskDraft: Sendable, Equatable {
    /// How a draft names a task it depends on.
    package enum Reference: Sendable, Equatable {
        /// The 1-based position of a task in the same call.
        case position(Int)
        /// An existing task id of the request, or the title of a task in the same call.
        case name(String)
    }

    package var title: String
    package var description: String
    package var dependsOn: [Reference]
    package var priority: Priority
    package var role: String?
    /// A caller-chosen id (orchestrator-server's `create_task {id}`); `nil` takes the next `task-N`.
    package var id: WorkTask.ID?

    package init(
        title: String, description: String, dependsOn: [Reference] = [], priority: Priority = .medium,
        role: String? = nil,
        id: WorkTask.ID? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.dependsOn = dependsOn
        self.priority = priority
        self.role = role
    }
}
