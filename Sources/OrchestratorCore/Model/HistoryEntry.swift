/// One recorded event in a task's life: who did what, when, and the status before and after.
package struct HistoryEntry: Sendable, Equatable {
    package enum Action: String, CaseIterable, Sendable {
        case planned, added, claimed
        case leaseExpired = "lease_expired"
        case markedDone = "marked_done"
        case approved, rejected, updated, deleted, restored
    }

    package var at: Timestamp
    /// The instance id, else the client's name from `clientInfo`, else the command-line user.
    package var actor: String
    package var action: Action
    package var from: WorkTask.Status?
    package var to: WorkTask.Status?
    package var note: String?

    package init(
        at: Timestamp, actor: String, action: Action, from: WorkTask.Status?, to: WorkTask.Status?, note: String? = nil
    ) {
        self.at = at
        self.actor = actor
        self.action = action
        self.from = from
        self.to = to
        self.note = note
    }
}
