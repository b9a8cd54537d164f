import OrchestratorCore
import Testing

/// The persistence port in memory, for use-case tests without a disk: commits apply to a copy and
/// count as revisions; `failNextFlush` makes the next written change's durability fail, as a full
/// disk would. Like the file store, it writes only what the change recorded, and every commit is
/// audited: a difference the record does not name fails the test that made it (`ChangeAudit`).
final class InMemoryPersistence: StatePersistence {
    private(set) var state = OrchestratorState()
    private(set) var revision = 0
    private(set) var commits = 0
    var failNextFlush: PersistenceError?

    var storedAt: String { "memory" }

    var exists: Bool { revision > 0 }

    func snapshot() throws(PersistenceError) -> StateSnapshot {
        StateSnapshot(state: state, revision: revision, readOnlyReason: nil)
    }

    func commit<Outcome>(
        _ change: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(ChangeFailure) -> Committed<Outcome> {
        var copy = state
        copy.beginChange()
        let outcome: Outcome
        do { outcome = try change(&copy) } catch { throw .refused(error) }
        let unrecorded = ChangeAudit.unrecorded(before: state, after: copy)
        if !unrecorded.isEmpty { Issue.record("the change's record misses: \(unrecorded)") }
        guard !copy.changes.isEmpty else {
            return Committed(outcome: outcome, snapshot: try! snapshot(), durability: .immediate)
        }
        state = copy
        revision += 1
        commits += 1
        let failure = failNextFlush
        failNextFlush = nil
        return Committed(outcome: outcome, snapshot: try! snapshot(), durability: Durability { failure })
    }
}

/// Ids written as literals in tests: `"task-1"` for `WorkTask.ID("task-1")`.
extension Identifier: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
