internal import Dispatch
internal import OrchestratorCore
internal import OrchestratorSystem

/// The changes waiting to be committed: whatever arrives while a transaction runs goes in the next
/// one, each change applied in turn.
///
/// No thread of its own: a caller that finds nobody committing commits, on its own thread, the
/// changes waiting then (its own among them) — the leader. Callers that arrive meanwhile wait; when
/// the leader's transaction ends and changes are waiting, it hands the lead to the first of their
/// callers, who commits the next batch. A change never outlives its caller's wait, and a caller
/// whose change is committed by someone else is woken once, with its ending.
final class CommitQueue: @unchecked Sendable {
    /// One change waiting, and how its caller is woken: to read its ending, or to lead.
    final class Item: @unchecked Sendable {
        /// Applies the change to `state` and says whether a rule refused it. Dropped before the caller
        /// is woken, so the caller's closure never outlives its call.
        var apply: ((inout OrchestratorState) -> Bool)?
        var snapshot: StateSnapshot?
        var failure: PersistenceError?
        /// Whether its transaction ended (a refused change has neither a snapshot nor a failure).
        var isSettled = false
        /// Set instead of an ending: the caller is to commit the next batch.
        var leads = false
        let woken = DispatchSemaphore(value: 0)

        init(apply: @escaping (inout OrchestratorState) -> Bool) { self.apply = apply }
    }

    /// The most changes one transaction takes; the rest wait for the next.
    static let largestBatch = 256

    private unowned let store: PostgresStore
    /// What waits, whether someone leads, and whether the store was closed.
    private let queue = Locked<(items: [Item], leading: Bool, closed: Bool)>(([], false, false))
    /// The committing connection, used only by the leader of the moment.
    private var connection: PostgresConnection?

    init(store: PostgresStore) { self.store = store }

    /// Commits `change`, leading a batch or waiting for the one that holds it.
    func commit<Outcome>(
        _ change: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(ChangeFailure) -> Committed<Outcome> {
        var outcome: Outcome?
        var refusal: OrchestratorError?
        let item: Item = withoutActuallyEscaping(change) { change in
            let item = Item { state in
                do throws(OrchestratorError) {
                    outcome = try change(&state)
                    refusal = nil
                    return false
                } catch {
                    refusal = error
                    return true
                }
            }
            run(item)
            return item
        }
        if let failure = item.failure { throw .persistence(failure) }
        if let refusal { throw .refused(refusal) }
        guard let outcome, let snapshot = item.snapshot else {
            throw .persistence(PersistenceError(code: "store_failed", description: "The change was not applied."))
        }
        return Committed(outcome: outcome, snapshot: snapshot, durability: .immediate)
    }

    /// Queues `item` and returns once it is settled: by leading, or by being woken.
    private func run(_ item: Item) {
        let admitted = queue.withLock { state -> (queued: Bool, leads: Bool) in
            guard !state.closed else { return (false, false) }
            state.items.append(item)
            guard !state.leading else { return (true, false) }
            state.leading = true
            return (true, true)
        }
        guard admitted.queued else {
            item.apply = nil
            item.failure = PersistenceError(
                code: "store_unavailable", description: "The PostgreSQL store \(store.storedAt) was closed.")
            item.isSettled = true
            return
        }
        var leads = admitted.leads
        while !leads {
            item.woken.wait()
            if item.isSettled { return }
            leads = item.leads
        }
        lead(until: item)
    }

    /// Commits batches until `own` is settled, then hands the lead to the next waiting caller, or
    /// lets it go when nobody waits.
    private func lead(until own: Item) {
        while true {
            let batch = queue.withLock { state -> [Item] in
                let taken = Array(state.items.prefix(Self.largestBatch))
                state.items.removeFirst(taken.count)
                return taken
            }
            if !batch.isEmpty { store.commitBatch(batch, connection: &connection) }
            for item in batch where item !== own { item.woken.signal() }
            guard own.isSettled else { continue }
            let next = queue.withLock { state -> Item? in
                guard let first = state.items.first else {
                    state.leading = false
                    return nil
                }
                return first
            }
            if let next {
                next.leads = true
                next.woken.signal()
            }
            return
        }
    }

    /// Refuses changes from now on; one under way finishes.
    func stop() {
        queue.withLock { $0.closed = true }
    }
}
