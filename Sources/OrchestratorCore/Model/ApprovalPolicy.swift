/// When a request's tasks need approval: after each task, before completion, or never (auto).
package enum ApprovalPolicy: String, CaseIterable, Sendable {
    /// Gate after every task: no new task while one is done and not approved; dependencies are
    /// satisfied only by approval. The default.
    case each
    /// No gate while working: dependencies are satisfied by `done`; every task must still be approved
    /// before the request completes.
    case end
    /// `done` counts as approved (the server approves on the agent's behalf); for unattended runs.
    /// Refused under `--approver human`, since it would bypass the person.
    case auto

    /// Whether a dependency in `status` lets its dependents start.
    package func satisfies(_ status: WorkTask.Status) -> Bool {
        switch status {
        case .approved: true
        case .done: self != .each
        case .pending, .inProgress: false
        }
    }
}
