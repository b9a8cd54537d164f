package import OrchestratorCore
package import OrchestratorJSON

/// A reply that may go out only once the changes its call made are on disk: the one idea by which no
/// change is reported before it is durable.
///
/// The tool records the durability of each change while it runs (`record`); the answer is built
/// meanwhile, while the disk flushes; a transport may prepare it (serialize it) too; and what it
/// sends is the answer, or, when a change could not be saved, that failure (`replacement`).
package final class PendingReply {
    private var changes: [Durability] = []
    /// How a failed change is answered in this call's reply (its id, revision and tool's wording);
    /// `nil` where the caller reads `waitForChanges()` itself and turns a failure into its outcome.
    private let answerFailure: ((ToolFailure) -> JSONValue)?

    package init(answeringFailuresWith answerFailure: ((ToolFailure) -> JSONValue)? = nil) {
        self.answerFailure = answerFailure
    }

    /// A change the call made: the reply waits for it.
    package func record(_ durability: Durability) {
        changes.append(durability)
    }

    /// Blocks until every recorded change is durable; returns the first that could not be saved.
    package func waitForChanges() -> PersistenceError? {
        defer { changes.removeAll() }
        var first: PersistenceError?
        for durability in changes {
            if let failure = durability.wait(), first == nil { first = failure }
        }
        return first
    }

    /// Blocks until the changes are durable; returns the reply to send instead of the prepared one
    /// when a change could not be saved, else `nil`.
    package func replacement() -> JSONValue? {
        guard let failure = waitForChanges() else { return nil }
        // Without a renderer, still never the success the prepared reply claims.
        return answerFailure?(ToolFailure(failure))
            ?? JSONRPCOutgoing.error(id: nil, JSONRPCError(.internalError, "Internal error: \(failure.description)"))
    }
}
