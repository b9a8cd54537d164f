/// The one place every task transition is decided: pending → in progress → done → approved, and back by rejection.
///
/// ```
/// pending ──claim──▶ in_progress ──markDone──▶ done ──approve──▶ approved
///    ▲                  │  ▲                    │
///    └── expireLease ───┘  └────── reject ◀─────┘
/// pending ──importDone──▶ done                   in_progress ──renewLease──▶ in_progress
/// ```
///
/// The system's own actions go through it too: a lease that runs out (`expireLease`) or is renewed
/// by its holder (`renewLease`), a workflow step entered (`claim`) and finished (`markDone`, then
/// `approve` by the run), a task imported as finished (`importDone`).
///
/// Pure: it looks at a task and an action and says where the task goes, that it stays (edits), or
/// which refusal applies. Callers carry out the decision; the transition-matrix test checks every pair.
package enum TaskStateMachine {
    package enum Decision: Equatable, Sendable {
        /// The action is allowed and moves the task to this status.
        case move(to: WorkTask.Status)
        /// The action is allowed and leaves the status as it is (edits, delete, restore).
        case stay
        case refuse(OrchestratorError)
    }

    package static func decide(_ action: TaskAction, for task: WorkTask) -> Decision {
        if task.isDeleted {
            return action == .restore ? .stay : .refuse(.taskDeleted(task.id))
        }
        switch (task.status, action) {
        case (_, .restore):
            return .refuse(.taskNotDeleted(task.id))
        case (.pending, .claim):
            return .move(to: .inProgress)
        case (.pending, .update), (.pending, .delete), (.inProgress, .update), (.inProgress, .delete):
            return .stay
        case (.pending, .markDone), (.pending, .renewLease):
            return .refuse(.taskNotStarted(task.id))
        case (.pending, .importDone):
            return .move(to: .done)
        case (.inProgress, .renewLease):
            return .stay
        case (.inProgress, .importDone):
            return .refuse(.taskAlreadyInProgress(task.id, holder: task.assignee))
        case (.pending, .approve), (.pending, .reject), (.inProgress, .approve), (.inProgress, .reject):
            return .refuse(.taskNotDone(task.id, task.status))
        case (.pending, .expireLease), (.done, .expireLease), (.approved, .expireLease):
            return .stay
        case (.inProgress, .claim):
            return .refuse(.taskAlreadyInProgress(task.id, holder: task.assignee))
        case (.inProgress, .expireLease):
            return .move(to: .pending)
        case (.inProgress, .markDone):
            return .move(to: .done)
        case (.done, .claim), (.done, .markDone), (.done, .renewLease), (.done, .importDone):
            return .refuse(.taskAlreadyDone(task.id))
        case (.done, .approve):
            return .move(to: .approved)
        case (.done, .reject):
            return .move(to: .inProgress)
        case (.done, .update), (.done, .delete), (.approved, .update), (.approved, .delete):
            return .refuse(.taskImmutable(task.id, task.status))
        case (.approved, .claim), (.approved, .markDone), (.approved, .approve), (.approved, .reject),
            (.approved, .renewLease), (.approved, .importDone):
            return .refuse(.taskAlreadyApproved(task.id))
        }
    }
}
