internal import OrchestratorCore
package import OrchestratorStorage
package import OrchestratorWorkflows

/// Server-wide facts handlers may report: the configuration, what the catalogs hold, and the state store.
package struct ServerEnvironment {
    package let configuration: ServerConfiguration
    package let toolNames: [String]
    package let resourceCount: Int
    package let resourceTemplateCount: Int
    package let promptCount: Int
    /// "handshake" or "modern".
    package let eraName: String
    /// The state file every tool reads and changes.
    package let store: StateStore
    /// The workflow definitions and roles.
    package let workflows: WorkflowLibrary

    /// Reads the state file (a `stat` when nothing changed) for its revision or its problem. Only the
    /// reports that show it call this, so ordinary tool calls do no extra I/O.
    package var stateCondition: StateCondition {
        do {
            let snapshot = try store.read()
            return StateCondition(
                revision: snapshot.revision, requestCount: snapshot.state.requests.count,
                problem: snapshot.readOnlyReason?.description)
        } catch {
            return StateCondition(revision: nil, requestCount: nil, problem: error.description)
        }
    }
}

/// The state file as the store last read it: its revision, or why it cannot be used.
package struct StateCondition: Sendable, Equatable {
    /// The file's `revision` (0 before it exists), when it could be read.
    package let revision: Int?
    package let requestCount: Int?
    /// Why the file cannot be used, or why it is read-only (a newer schema).
    package let problem: String?
}
