internal import OrchestratorCore

/// Server-wide facts handlers may report: the configuration and what the catalogs hold.
package struct ServerEnvironment: Sendable {
    package let configuration: ServerConfiguration
    package let toolNames: [String]
    package let resourceCount: Int
    package let resourceTemplateCount: Int
    package let promptCount: Int
    /// "handshake" or "modern".
    package let eraName: String
    /// What reading the state file just now found.
    package let state: StateCondition
}

/// The state file as the store last read it: its revision, or why it cannot be used.
package struct StateCondition: Sendable, Equatable {
    /// The file's `revision` (0 before it exists), when it could be read.
    package let revision: Int?
    package let requestCount: Int?
    /// Why the file cannot be used, or why it is read-only (a newer schema).
    package let problem: String?
}
