package import OrchestratorCore
internal import OrchestratorSystem

/// One store shared by the threads of one process (the shared server's sessions), one at a time.
///
/// Every session could open a store of its own, and the file lock would keep them apart as it keeps
/// processes apart, but each would then re-read the whole file after every other session's change,
/// and poll for the lock against its neighbours. Shared, the state is decoded once per change and
/// in-process callers queue on a mutex; the file lock still guards against other processes. The
/// durability a commit hands back is awaited under the same mutex, since awaiting it finishes the
/// store's flush.
package final class SerializedPersistence: StatePersistence, @unchecked Sendable {
    private let lock = Lock()
    private let store: any StatePersistence

    package init(_ store: any StatePersistence) {
        self.store = store
    }

    package var storedAt: String { store.storedAt }

    package var exists: Bool { lock.withLock { store.exists } }

    package func snapshot() throws(PersistenceError) -> StateSnapshot {
        try lock.withLock { () throws(PersistenceError) in try store.snapshot() }
    }

    package func archived() throws(PersistenceError) -> [ArchivedRequest] {
        try lock.withLock { () throws(PersistenceError) in try store.archived() }
    }

    package func commit<Outcome>(
        _ change: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(ChangeFailure) -> Committed<Outcome> {
        let committed = try lock.withLock { () throws(ChangeFailure) in try store.commit(change) }
        let inner = committed.durability
        return Committed(
            outcome: committed.outcome, snapshot: committed.snapshot,
            durability: Durability { [lock] in lock.withLock { inner.wait() } })
    }
}
