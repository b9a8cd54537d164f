/// Where the orchestrator keeps its state: the port the core defines and a store implements (the
/// JSON state file in the program, memory in unit tests).
///
/// A commit applies a change under exclusive access to the latest state and hands back the
/// `Durability` of what it wrote; nobody may be told the change happened before it is awaited.
/// Reads never write.
package protocol StatePersistence: AnyObject {
    /// Where the state lives, for sentences (`/home/ada/.local/share/mcp-orchestrator/state.json`).
    var storedAt: String { get }
    /// Whether anything has been stored there yet; a read of an empty place says so plainly.
    var exists: Bool { get }
    /// The state as it is now.
    func snapshot() throws(PersistenceError) -> StateSnapshot
    /// Applies `change` to the latest state. When it throws, nothing is written; when it leaves the
    /// state as it was, nothing is written either and the durability is immediate.
    func commit<Outcome>(
        _ change: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(ChangeFailure) -> Committed<Outcome>
    /// What finished and left the live state (the archive), each request once; may hold requests the
    /// live state still has (a move cut short), which the orchestrator leaves out.
    func archived() throws(PersistenceError) -> [ArchivedRequest]
}

extension StatePersistence {
    /// A persistence without an archive (memory in tests) has nothing archived.
    package func archived() throws(PersistenceError) -> [ArchivedRequest] { [] }
}

/// The state could not be read or saved: a stable code (`state_corrupt`, `state_busy`, …) and the
/// store's sentence, which names the place and says what to do.
package struct PersistenceError: Error, Equatable, Sendable, CustomStringConvertible {
    package let code: String
    package let description: String
    /// Whether reads must stop too (a newer schema that still decodes may be read, not written).
    package let blocksReads: Bool

    package init(code: String, description: String, blocksReads: Bool = true) {
        self.code = code
        self.description = description
        self.blocksReads = blocksReads
    }
}

/// Why a change did not happen: a rule refused it, or the state could not be used.
package enum ChangeFailure: Error, Equatable {
    case refused(OrchestratorError)
    case persistence(PersistenceError)
}

/// A change that was applied: its outcome, the state after it, and the durability to await before
/// telling anyone.
package struct Committed<Outcome> {
    package let outcome: Outcome
    package let snapshot: StateSnapshot
    package let durability: Durability

    package init(outcome: Outcome, snapshot: StateSnapshot, durability: Durability) {
        self.outcome = outcome
        self.snapshot = snapshot
        self.durability = durability
    }

    package var state: OrchestratorState { snapshot.state }

    /// Waits for the change to be durable, then returns the outcome; a change that could not be
    /// saved is the failure, and must not be reported as done.
    package func durable() throws(PersistenceError) -> Outcome {
        if let failure = durability.wait() { throw failure }
        return outcome
    }
}

/// The promise that a committed change is on stable storage, kept as a value the caller awaits
/// before answering: the answer may be built meanwhile (the disk flushes on another thread), but not
/// sent. Waiting twice gives the same answer.
package final class Durability: @unchecked Sendable {
    private var finish: (() -> PersistenceError?)?
    private var result: PersistenceError?
    /// Callers on several threads may wait for one durability (the call that made the change and a
    /// wait woken by it); the first finishes it, the others block until it has, then all read one result.
    private let mutex = DurabilityMutex()

    /// A change that is durable already (or wrote nothing).
    package static var immediate: Durability { Durability(finish: { nil }) }

    /// - Parameter finish: blocks until the change is durable; `nil` means it is, else why not.
    package init(finish: @escaping () -> PersistenceError?) {
        self.finish = finish
    }

    /// Blocks until the change is durable; returns why it is not, or `nil`.
    package func wait() -> PersistenceError? {
        mutex.withLock {
            if let finish {
                self.finish = nil
                result = finish()
            }
            return result
        }
    }
}
