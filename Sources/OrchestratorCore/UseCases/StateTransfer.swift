/// A store that takes a whole state at once: what `migrate` moves plans into, from the file to a
/// database or back. The move is lossless: every request with its tasks and history, the workflow
/// runs, the id counters (ids are never reused), the revision and the archive.
package protocol StateTransfer: StatePersistence {
    /// Takes `state` at `revision`, with `archived`, in one step; refused (and nothing written) when
    /// the store already holds anything, so a move never merges two plans.
    func receive(_ state: OrchestratorState, revision: Int, archived: [ArchivedRequest]) throws(PersistenceError)
}

/// What a move copied, counted for the person.
package struct TransferReport: Equatable, Sendable {
    package let requests: Int
    package let tasks: Int
    package let runs: Int
    package let archived: Int
    package let revision: Int
}

extension Orchestrator {
    /// Copies everything this orchestrator's store holds into `target`, then reads it back and
    /// compares it with what was copied: a difference is the move's failure, never a silent loss.
    package func copyEverything(into target: any StateTransfer) throws(PersistenceError) -> TransferReport {
        let snapshot = try persistence.snapshot()
        let archived = try archived()
        try target.receive(snapshot.state, revision: snapshot.revision, archived: archived)
        let copied = try target.snapshot()
        let copiedArchive = try target.archived()
        guard copied.state == snapshot.state, copied.revision == snapshot.revision, copiedArchive == archived else {
            throw PersistenceError(
                code: "transfer_mismatch",
                description:
                    "\(target.storedAt) does not read back what was copied into it; the source \(persistence.storedAt) is unchanged."
            )
        }
        return TransferReport(
            requests: snapshot.state.requests.count, tasks: snapshot.state.requests.reduce(0) { $0 + $1.tasks.count },
            runs: snapshot.state.runs.count, archived: archived.count, revision: snapshot.revision)
    }
}
