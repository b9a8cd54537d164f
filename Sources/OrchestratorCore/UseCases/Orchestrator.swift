/// The orchestrator's use cases: every operation a front end may ask for (the MCP tools of every
/// tool set, the command line), each a typed method with a typed result, over the persistence port.
///
/// Rules that belong to no single operation live here once: leases that ran out go back to pending
/// before every change and every read, the approval policy of a new plan is chosen from the approver
/// mode, and the lease a claim or a rejection gets is the launch option's. A change hands back its
/// `Durability`; the caller awaits it before telling anyone the change happened.
package struct Orchestrator {
    /// Reached only through the use cases: no front end reads or writes the store itself.
    let persistence: any StatePersistence
    package let clock: WallClock
    /// How long a claim lasts (`--lease-minutes`).
    package let leaseSeconds: Int
    /// Who approves (`--approver`).
    package let approver: ApproverMode
    /// Told what waits for the person after each change (the notify command); `nil` for none.
    package let observer: (any PersonEventObserver)?
    /// The git working tree the server runs in: recorded on the plans it makes, and its plans are
    /// offered first to its agents; `nil` outside git or for a server in no agent's tree.
    package let origin: WorkRequest.Origin?

    /// The lease of a claim when nothing else is said (`--lease-minutes` defaults to 30).
    package static let defaultLeaseSeconds = 30 * 60

    package init(
        persistence: any StatePersistence, clock: WallClock, leaseSeconds: Int, approver: ApproverMode,
        observer: (any PersonEventObserver)? = nil, origin: WorkRequest.Origin? = nil
    ) {
        self.origin = origin
        self.persistence = persistence
        self.clock = clock
        self.leaseSeconds = leaseSeconds
        self.approver = approver
        self.observer = observer
    }

    /// The state as it is now, with expired leases shown as pending. Never writes.
    package func read() throws(PersistenceError) -> StateSnapshot {
        let snapshot = try persistence.snapshot()
        var state = snapshot.state
        state.expireLeases(at: clock.now())
        return StateSnapshot(state: state, revision: snapshot.revision, readOnlyReason: snapshot.readOnlyReason)
    }

    /// The archived requests, each once and none the live state still holds, oldest first.
    package func archived() throws(PersistenceError) -> [ArchivedRequest] {
        let live = Set(try persistence.snapshot().state.requests.map(\.id))
        return try persistence.archived().filter { !live.contains($0.request.id) }
    }

    /// Where the state lives, for sentences: the state file's path, or a database's redacted address
    /// and project.
    package var storedAt: String { persistence.storedAt }

    /// Whether anything has been stored yet.
    package var hasState: Bool { persistence.exists }

    /// Applies `body` to the latest state, after returning expired leases to pending: the one place
    /// a change is composed. Use cases call it: the core's own, and the compatibility sets' beside
    /// their tools (`OrchestratorTools/Compatibility/UseCases`); a front end never does
    /// (`LayeringTests` holds every call to those two places).
    package func change<Outcome>(
        _ body: (inout OrchestratorState, Timestamp) throws(OrchestratorError) -> Outcome
    ) throws(ChangeFailure) -> Committed<Outcome> {
        let now = clock.now()
        // What waited for the person before, looked at only when someone is to be told.
        var waiting: [PersonQueue.Item]?
        let committed = try persistence.commit { (state: inout OrchestratorState) throws(OrchestratorError) in
            state.expireLeases(at: now)
            if observer != nil { waiting = PersonEvent.waiting(in: state) }
            return try body(&state, now)
        }
        if let observer, let waiting {
            let events = PersonEvent.appeared(before: waiting, after: committed.state)
            if !events.isEmpty { observer.appeared(events, durability: committed.durability) }
        }
        return committed
    }

    /// The approval policy of a new plan: what the caller asked for, else `each` for plans a person
    /// follows and `auto` for the unattended compatibility sets. Under `--approver human` nothing
    /// approves itself: `auto` is refused when asked for, and an unattended default becomes `each`.
    package func policy(requested: ApprovalPolicy?, unattended: Bool = false) throws(ChangeFailure)
        -> ApprovalPolicy
    {
        if let requested {
            if requested == .auto, approver == .human { throw .refused(.policyNeedsAgentApprover) }
            return requested
        }
        return unattended && approver == .agent ? .auto : .each
    }
}
