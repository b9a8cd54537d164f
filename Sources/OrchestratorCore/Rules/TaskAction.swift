/// Everything that can be done to a task; `TaskStateMachine` decides each against the task's status.
package enum TaskAction: String, CaseIterable, Sendable {
    /// `get_next_task` hands the task to an instance.
    case claim
    /// The holder's lease ran out before it finished.
    case expireLease = "expire_lease"
    /// `mark_task_done` with the completion details.
    case markDone = "mark_done"
    /// `approve_task_completion`, or the `auto` policy.
    case approve
    /// `reject_task`: back to work, with feedback.
    case reject
    /// `update_task`: title, description, dependencies or priority.
    case update
    case delete
    case restore
    /// The holder asks again for the task it holds: its lease starts over.
    case renewLease = "renew_lease"
    /// A task brought in by an import as already finished (`import taskmaster`).
    case importDone = "import_done"
}
