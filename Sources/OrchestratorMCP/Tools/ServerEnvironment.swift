package import OrchestratorCore
package import OrchestratorWorkflows

/// Server-wide facts handlers may report: the configuration, what the catalogs hold, and the state store.
package struct ServerEnvironment {
    package let configuration: ServerConfiguration
    package let toolNames: [String]
    /// The catalogs, counted only by the reports that show the counts: workflow resources and
    /// prompts follow the files on disk, and checking them on every call would cost each call.
    let resources: ResourceCatalog
    let prompts: PromptCatalog
    /// "handshake" or "modern".
    package let eraName: String
    /// The use cases every tool calls.
    package let orchestrator: Orchestrator
    /// The workflow definitions and roles.
    package let workflows: WorkflowLibrary

    package var resourceCount: Int { resources.resources.count }
    package var resourceTemplateCount: Int { resources.templates.count }
    package var promptCount: Int { prompts.prompts.count }

    /// Reads the state file (a `stat` when nothing changed) for its revision or its problem. Only the
    /// reports that show it call this, so ordinary tool calls do no extra I/O.
    package var stateCondition: StateCondition {
        do {
            let snapshot = try orchestrator.read()
            return StateCondition(
                revision: snapshot.revision, requestCount: snapshot.state.requests.count,
                problem: snapshot.readOnlyReason?.description,
                warnings: snapshot.state.danglingDependencies.map(\.description))
        } catch {
            return StateCondition(revision: nil, requestCount: nil, problem: error.description, warnings: [])
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
    /// What is wrong inside a file that can be used: tasks that can never start (a hand edit).
    package let warnings: [String]
}
