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
}
