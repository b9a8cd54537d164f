/// The server's limits, strict by default like servers that face the internet.
package struct HTTPLimits: Sendable {
    /// The request line and headers together.
    package var maximumHeaderBytes = 16 * 1024
    package var maximumBodyBytes = 1024 * 1024
    /// Connections open at once; one more is answered 503 and closed.
    package var maximumConnections = 64
    /// From a request's first byte until its head is complete: a client that trickles is dropped.
    package var headerTimeoutMilliseconds: Int32 = 10_000
    /// From the head until the body is complete.
    package var bodyTimeoutMilliseconds: Int32 = 30_000
    /// How long a kept-alive connection may sit idle between requests.
    package var idleTimeoutMilliseconds: Int32 = 60_000
    /// How long one write may block on a client that does not read.
    package var sendTimeoutSeconds = 10

    package init() {}
}
