internal import Dispatch
internal import OrchestratorCore
internal import OrchestratorSystem

/// The changes waiting to be committed, and the thread that commits them: whatever arrived while the
/// last transaction ran goes in the next one, each change applied in turn.
///
/// A caller hands in its change and blocks until the transaction that holds it has committed (or
/// failed); the change never outlives that wait.
final class CommitQueue: @unchecked Sendable {
    /// One change waiting: applied by the committing thread, its ending read by its caller.
    final class Item: @unchecked Sendable {
        /// Applies the change to `state` and says whether a rule refused it. Dropped before the caller
        /// is woken, so the caller's closure never outlives its call.
        var apply: ((inout OrchestratorState) -> Bool)?
        var snapshot: StateSnapshot?
        var failure: PersistenceError?
        let done = DispatchSemaphore(value: 0)

        init(apply: @escaping (inout OrchestratorState) -> Bool) { self.apply = apply }
    }

    /// The most changes one transaction takes; the rest wait for the next.
    static let largestBatch = 256

    private unowned let store: PostgresStore
    private let waiting = Locked<(items: [Item], stopped: Bool)>(([], false))
    private let arrived = DispatchSemaphore(value: 0)
    private let started = Locked(false)

    init(store: PostgresStore) { self.store = store }

    /// Hands `change` to the committing thread and waits for its transaction.
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
            submit(item)
            item.done.wait()
            return item
        }
        if let failure = item.failure { throw .persistence(failure) }
        if let refusal { throw .refused(refusal) }
        guard let outcome, let snapshot = item.snapshot else {
            throw .persistence(PersistenceError(code: "store_failed", description: "The change was not applied."))
        }
        return Committed(outcome: outcome, snapshot: snapshot, durability: .immediate)
    }

    private func submit(_ item: Item) {
        let accepted = waiting.withLock { queue -> Bool in
            guard !queue.stopped else { return false }
            queue.items.append(item)
            return true
        }
        guard accepted else {
            item.apply = nil
            item.failure = PersistenceError(
                code: "store_unavailable", description: "The PostgreSQL store \(store.storedAt) was closed.")
            item.done.signal()
            return
        }
        startOnce()
        arrived.signal()
    }

    private func startOnce() {
        let first = started.withLock { begun -> Bool in
            defer { begun = true }
            return !begun
        }
        guard first else { return }
        DetachedThread.start { [self] in run() }
    }

    /// Ends the thread once what waits is committed.
    func stop() {
        waiting.withLock { $0.stopped = true }
        arrived.signal()
    }

    private func run() {
        var connection: PostgresConnection?
        while true {
            arrived.wait()
            let (batch, stopped) = waiting.withLock { queue -> ([Item], Bool) in
                let taken = Array(queue.items.prefix(Self.largestBatch))
                queue.items.removeFirst(taken.count)
                if !queue.items.isEmpty { arrived.signal() }
                return (taken, queue.stopped)
            }
            if !batch.isEmpty { store.commitBatch(batch, connection: &connection) }
            if stopped && batch.isEmpty { return }
        }
    }
}
