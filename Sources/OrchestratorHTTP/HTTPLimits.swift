#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server's limits, strict by default like servers that face the internet.
package struct HTTPLimits: Sendable {
    /// The request line and headers together.
    package var maximumHeaderBytes = 16 * 1024
    package var maximumBodyBytes = 1024 * 1024
    /// Connections open at once. One more sheds the connection that has waited longest for a request
    /// head; when every one is being served, it is answered 503 and closed.
    package var maximumConnections = 64
    /// Connections from one peer address at once, shed the same way (`Int.max`: only the total counts).
    package var maximumConnectionsPerPeer = Int.max
    /// From a connection's accept, or a request's first byte, until its head is complete: a client
    /// that connects and sends nothing, or trickles, is dropped.
    package var headerTimeoutMilliseconds: Int32 = 10_000
    /// From the head until the body is complete.
    package var bodyTimeoutMilliseconds: Int32 = 30_000
    /// How long a kept-alive connection may sit idle between requests.
    package var idleTimeoutMilliseconds: Int32 = 60_000
    /// How long one write may block on a client that does not read.
    package var sendTimeoutSeconds = 10

    package init() {}

    /// How many connections fit the process's descriptors: the soft limit is raised to the hard one
    /// first, then each connection is given three (its socket, and a request's pipe and file reads)
    /// after 32 kept for the server itself. `wanted` when that many fit.
    package static func connectionsFitting(_ wanted: Int) -> Int {
        var limit = rlimit()
        #if canImport(Glibc)
            let resource = Int32(RLIMIT_NOFILE.rawValue)
        #else
            let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return wanted }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        let descriptors = limit.rlim_cur > 1_000_000 ? 1_000_000 : Int(limit.rlim_cur)
        return min(wanted, max(4, (descriptors - 32) / 3))
    }
}
