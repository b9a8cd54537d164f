/// One unit of work in a plan. A value: change a copy, persist it, then keep it.
package struct WorkTask: Sendable, Equatable, Identifiable {
    /// A short readable id such as `task-7`, unique across the whole store.
    package typealias ID = Identifier<WorkTask>

    /// Where the task is in its life (pending, in progress, done, approved); `TaskStateMachine` decides every move.
    package enum Status: String, CaseIterable, Sendable {
        /// Planned and not yet handed out, or handed back (lease expired).
        case pending
        /// Claimed through `get_next_task`, or sent back by `reject_task`.
        case inProgress = "in_progress"
        /// Finished by the agent with `completedDetails`; waits for approval. Immutable.
        case done
        /// Approved by the agent, the person or the `auto` policy. Final and immutable.
        case approved
    }

    package let id: ID
    package var title: String
    package var description: String
    package var status: Status
    package var dependsOn: [ID]
    package var priority: Priority
    package var role: String?
    /// Who holds the task while it is in progress (instance id or client name).
    package var assignee: String?
    /// When the holder's claim lapses and the task returns to pending.
    package var claimExpiresAt: Timestamp?
    package var completedDetails: String?
    /// The last reviewer's feedback from `reject_task`.
    package var feedback: String?
    package var approvedBy: String?
    /// Set while the task is deleted; a deleted task is kept so it can be restored.
    package var deletedAt: Timestamp?
    package var history: [HistoryEntry]
    /// What the last round of work changed in the working tree, recorded when it was marked done.
    package var evidence: TaskEvidence?
    /// The project's checks on the last round of work.
    package var checks: TaskChecks?

    package init(
        id: ID, title: String, description: String, status: Status = .pending, dependsOn: [ID] = [],
        priority: Priority = .medium, role: String? = nil, assignee: String? = nil, claimExpiresAt: Timestamp? = nil,
        completedDetails: String? = nil, feedback: String? = nil, approvedBy: String? = nil,
        deletedAt: Timestamp? = nil, history: [HistoryEntry] = [], evidence: TaskEvidence? = nil,
        checks: TaskChecks? = nil
    ) {
        self.checks = checks
        self.id = id
        self.title = title
        self.description = description
        self.status = status
        self.dependsOn = dependsOn
        self.priority = priority
        self.role = role
        self.assignee = assignee
        self.claimExpiresAt = claimExpiresAt
        self.completedDetails = completedDetails
        self.feedback = feedback
        self.approvedBy = approvedBy
        self.deletedAt = deletedAt
        self.history = history
        self.evidence = evidence
    }

    /// The round of work under way: 1, then one more after each time it was marked done.
    package var round: Int { history.reduce(1) { $1.action == .markedDone ? $0 + 1 : $0 } }

    /// The round under way, or for work marked done the round it finished (the one its evidence and
    /// checks cover): what the person and the agent are shown.
    package var shownRound: Int { status == .done || status == .approved ? max(1, round - 1) : round }

    package var isDeleted: Bool { deletedAt != nil }
}
