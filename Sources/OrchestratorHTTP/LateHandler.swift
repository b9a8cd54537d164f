internal import OrchestratorSystem

/// A handler set after the server is bound: what it serves may need the port the system chose (a
/// Host check). Until then every request is answered 503.
package final class LateHandler: HTTPHandler, Sendable {
    /// Set once, before `HTTPServer.run` accepts the first connection.
    package var handler: (any HTTPHandler)? {
        get { current.current }
        set { current.withLock { $0 = newValue } }
    }
    private let current = Locked<(any HTTPHandler)?>(nil)

    package init() {}

    package func respond(to request: HTTPRequest) -> HTTPResponse {
        handler?.respond(to: request) ?? .text(503, "503 Service Unavailable: starting\n")
    }
}
