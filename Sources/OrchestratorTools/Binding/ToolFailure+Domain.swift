package import OrchestratorCore
package import OrchestratorMCP

extension ToolFailure {
    /// A rule of the core refused the call.
    package init(_ refusal: OrchestratorError) {
        self = .rule(refusal)
    }

    /// The state could not be read or saved.
    package init(_ problem: PersistenceError) {
        self = .failed(code: problem.code, message: problem.description)
    }
}

extension PendingReply {
    /// A change the call made: the reply waits until it is durable, and answers with its failure if
    /// it could not be saved.
    package func record(_ durability: Durability) {
        record { durability.wait().map(ToolFailure.init) }
    }
}
