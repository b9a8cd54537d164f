package import OrchestratorJSON

/// A reply that may go out only once the changes its call made are on disk: the one idea by which no
/// change is reported before it is durable.
///
/// The tool records each change while it runs (`record`), as a wait that ends once the change is
/// durable and says how it failed, if it did; the answer is built
/// meanwhile, while the disk flushes; a transport may prepare it (serialize it) too; and what it
/// sends is the answer, or, when a change could not be saved, that failure (`replacement`).
package final class PendingReply {
    private var changes: [() -> ToolFailure?] = []
    /// How a failed change is answered in this call's reply (its id, revision and tool's wording);
    /// `nil` where the caller reads `waitForChanges()` itself and turns a failure into its outcome.
    private let answerFailure: ((ToolFailure) -> JSONValue)?

    package init(answeringFailuresWith answerFailure: ((ToolFailure) -> JSONValue)? = nil) {
        self.answerFailure = answerFailure
    }

    /// A change the call made: the reply waits for it. `settle` blocks until the change is durable
    /// and returns how it failed, or `nil` once it is saved.
    package func record(_ settle: @escaping () -> ToolFailure?) {
        changes.append(settle)
    }

    /// Blocks until every recorded change is durable; returns the first that could not be saved.
    package func waitForChanges() -> ToolFailure? {
        defer { changes.removeAll() }
        var first: ToolFailure?
        for settle in changes {
            if let failure = settle(), first == nil { first = failure }
        }
        return first
    }

    /// Blocks until the changes are durable; returns the reply to send instead of the prepared one
    /// when a change could not be saved, else `nil`.
    package func replacement() -> JSONValue? {
        guard let failure = waitForChanges() else { return nil }
        // Without a renderer, still never the success the prepared reply claims.
        return answerFailure?(failure)
            ?? JSONRPCOutgoing.error(id: nil, JSONRPCError(.internalError, "Internal error: \(failure)"))
    }
}
