internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server: a listening socket, a thread per connection (bounded by the limits), and
/// a handler. Loopback unless the caller binds elsewhere.
package final class HTTPServer: @unchecked Sendable {
    /// Why the server could not start, in a sentence.
    package struct StartFailure: Error, CustomStringConvertible {
        package let description: String
    }

    package let host: String
    /// The bound port (the system's choice when 0 was asked for).
    package let port: Int
    private let listener: Int32
    private let limits: HTTPLimits
    private let handler: any HTTPHandler
    private let table: ConnectionTable
    /// Whether running out of descriptors has been said on stderr (it is said once).
    private var saidOutOfDescriptors = false

    /// Binds and listens on `host` (an IPv4 or IPv6 literal) and `port` (0: any free port).
    package init(host: String, port: Int, limits: HTTPLimits = HTTPLimits(), handler: any HTTPHandler)
        throws(StartFailure)
    {
        self.host = host
        self.limits = limits
        self.handler = handler
        table = ConnectionTable(maximum: limits.maximumConnections, perPeer: limits.maximumConnectionsPerPeer)
        let (descriptor, bound) = try Self.listen(host: host, port: port)
        listener = descriptor
        self.port = bound
    }

    deinit { close(listener) }

    /// `http://HOST:PORT`, with brackets around an IPv6 address.
    package var origin: String { host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)" }

    /// Accepts connections until `stopDescriptor` becomes readable (a signal's self-pipe).
    package func run(stopDescriptor: Int32?) {
        var watched = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
        if let stopDescriptor { watched.append(pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0)) }
        while true {
            let ready = poll(&watched, nfds_t(watched.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if watched.count > 1, watched[1].revents != 0 { return }
            guard watched[0].revents != 0 else { continue }
            var peerAddress = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = withUnsafeMutablePointer(to: &peerAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &peerLength) }
            }
            guard client >= 0 else {
                if errno == EMFILE || errno == ENFILE { outOfDescriptors(stopDescriptor: stopDescriptor) }
                continue
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let connection = SocketConnection(descriptor: client, sendTimeoutSeconds: limits.sendTimeoutSeconds)
            guard let entry = table.admit(connection, peer: Self.name(of: &peerAddress)) else {
                let busy = HTTPResponse.text(503, "503 Service Unavailable: too many open connections\n")
                if case .bytes(let body) = busy.body {
                    _ = connection.send(busy.head(keepAlive: false, contentLength: body.count) + body)
                }
                continue
            }
            let loop = HTTPConnectionLoop(
                connection: connection, limits: limits, handler: handler, table: table, entry: entry)
            let started = DetachedThread.start { [table] in
                loop.run()
                table.remove(entry)
            }
            if !started { table.remove(entry) }
        }
    }

    /// `accept` found no descriptor left: shed the connection that waited longest for a request, or,
    /// when every one is being served, wait a little (or for the stop signal) instead of spinning on
    /// a listener that stays readable. Said once on stderr.
    private func outOfDescriptors(stopDescriptor: Int32?) {
        if !saidOutOfDescriptors {
            saidOutOfDescriptors = true
            let line =
                "mcp-orchestrator: no file descriptor left to accept a connection (\(SystemError.sentence(for: errno))); shedding connections that wait for a request, and pausing when none does\n"
            _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        }
        if table.shedOneWaiting() { return }
        var watched = stopDescriptor.map { [pollfd(fd: $0, events: Int16(POLLIN), revents: 0)] } ?? []
        _ = poll(&watched, nfds_t(watched.count), 100)
    }

    /// The peer's address as text, the key of the per-peer limit.
    private static func name(of address: inout sockaddr_storage) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(address.ss_family)
        withUnsafePointer(to: &address) { pointer in
            if family == AF_INET6 {
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    var raw = $0.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
                }
            } else {
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    var raw = $0.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
                }
            }
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Connections open now.
    package var openConnections: Int { table.count }

    private static func listen(host: String, port: Int) throws(StartFailure) -> (Int32, Int) {
        guard (0...65535).contains(port) else { throw StartFailure(description: "port \(port) is not 0–65535") }
        let isIPv6 = host.contains(":")
        #if canImport(Glibc)
            let stream = Int32(SOCK_STREAM.rawValue)
        #else
            let stream = SOCK_STREAM
        #endif
        let descriptor = socket(isIPv6 ? AF_INET6 : AF_INET, stream, 0)
        guard descriptor >= 0 else { throw StartFailure(description: "no socket: \(SystemError.sentence(for: errno))") }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        var result: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
                close(descriptor)
                throw StartFailure(description: "\(host) is not an IPv6 address")
            }
            result = bindAddress(descriptor, &address)
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
                close(descriptor)
                throw StartFailure(description: "\(host) is not an IPv4 address (give one such as 127.0.0.1)")
            }
            result = bindAddress(descriptor, &address)
        }
        guard result == 0, systemListen(descriptor) == 0 else {
            let reason = SystemError.sentence(for: errno)
            close(descriptor)
            throw StartFailure(description: "cannot listen on \(host):\(port): \(reason)")
        }
        var bound = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        let boundPort = withUnsafePointer(to: &bound) { pointer -> UInt16 in
            isIPv6
                ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    UInt16(bigEndian: $0.pointee.sin6_port)
                }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    UInt16(bigEndian: $0.pointee.sin_port)
                }
        }
        return (descriptor, Int(boundPort))
    }
}

/// `bind(2)` for an IPv4 or IPv6 socket address.
private func bindAddress<Address>(_ descriptor: Int32, _ address: inout Address) -> Int32 {
    withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<Address>.size))
        }
    }
}

/// `listen(2)`, named apart from the static method above.
private func systemListen(_ descriptor: Int32) -> Int32 { listen(descriptor, 128) }
