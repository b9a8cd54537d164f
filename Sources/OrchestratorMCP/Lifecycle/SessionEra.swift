package import OrchestratorJSON

/// Which protocol era this connection serves. Fixed by the first request and never changed after.
///
/// A first request carrying the 2026 envelope key (other than `initialize`) makes the connection
/// modern; any other first request makes it a handshake connection. This is how the reference
/// servers decide (the MCP specification leaves a mixed connection to the server).
package enum SessionEra: Sendable, Equatable {
    /// No request seen yet.
    case undecided
    /// `initialize`-based; the state holds what was negotiated.
    case handshake(HandshakeState)
    /// Stateless 2026-07-28: each request carries its own envelope.
    case modern
}

/// What an `initialize` exchange established on a handshake connection.
package struct HandshakeState: Sendable, Equatable {
    /// Set once `initialize` succeeds; `nil` means requests other than `ping` are refused.
    package var revision: ProtocolRevision?
    package var clientCapabilities: JSONValue = [:]
    package var clientInfo: ClientIdentity?
    /// Whether `notifications/initialized` arrived; server→client requests wait for it.
    package var initializedNotified = false
    /// The threshold set by `logging/setLevel`; `nil` until then, when the launch option decides.
    package var logLevel: LogLevel?

    package init() {}
}
