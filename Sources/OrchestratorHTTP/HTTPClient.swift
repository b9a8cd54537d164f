internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain-HTTP address: `http://host[:port]/path`.
package struct HTTPEndpoint: Sendable, Equatable {
    package let host: String
    package let port: Int
    package let path: String

    /// Parses `url`, or says why it cannot be used.
    package init(_ url: String) throws(HTTPClientError) {
        guard url.hasPrefix("http://") else {
            throw HTTPClientError(
                "\(url) is not an http:// address; connect speaks plain HTTP (put a TLS tunnel, such as ssh -L or stunnel, in front of a remote server)"
            )
        }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        path = rest.count > authority.count ? String(rest.dropFirst(authority.count)) : "/"
        var name = String(authority)
        var portText = "80"
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { throw HTTPClientError("\(url): unclosed [ in the host") }
            let after = name[name.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) }
            name = String(name[name.index(after: name.startIndex)..<close])
        } else if let colon = name.lastIndex(of: ":") {
            portText = String(name[name.index(after: colon)...])
            name = String(name[..<colon])
        }
        guard let port = Int(portText), (1...65535).contains(port), !name.isEmpty else {
            throw HTTPClientError("\(url): the host and port are not usable")
        }
        host = name
        self.port = port
    }

    /// The Host header's value.
    var authority: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }
}

/// Why an exchange failed, in a sentence.
package struct HTTPClientError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}

/// One HTTP/1.1 exchange on a connection of its own (`Connection: close`): the request is sent, the
/// head is read, and the body is read as it comes, whole (`Content-Length`) or line by line (an
/// event stream that ends when the server closes).
package final class HTTPClientExchange {
    package private(set) var status = 0
    /// Header names in lower case.
    package private(set) var headers: [String: String] = [:]
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var ended = false

    /// Sends `method path` with `headers` and `body`, and reads the response's head.
    package init(
        _ endpoint: HTTPEndpoint, method: String, headers requestHeaders: [(String, String)], body: [UInt8]
    ) throws(HTTPClientError) {
        descriptor = try Self.connect(endpoint)
        var head = "\(method) \(endpoint.path) HTTP/1.1\r\nHost: \(endpoint.authority)\r\nConnection: close\r\n"
        for (name, value) in requestHeaders { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        do {
            try Self.send(descriptor, Array(head.utf8) + body)
        } catch {
            close(descriptor)
            throw error
        }
        // The head: up to the blank line.
        var headText: [UInt8] = []
        while true {
            if let end = HTTPConnectionLoop.endOfHead(in: buffer, from: 0) {
                headText = Array(buffer[..<end])
                buffer.removeSubrange(..<(end + 4))
                break
            }
            guard buffer.count < 64 * 1024, fill() else {
                close(descriptor)
                throw HTTPClientError("the server at \(endpoint.authority) closed the connection without an answer")
            }
        }
        let lines = String(decoding: headText, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let code = Int(statusParts[1]) else {
            close(descriptor)
            throw HTTPClientError("the server at \(endpoint.authority) did not answer in HTTP/1.1")
        }
        status = code
        var found: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            found[line[..<colon].lowercased()] = String(value)
        }
        headers = found
    }

    deinit { close(descriptor) }

    /// The whole body (`Content-Length`, else everything until the server closes).
    package func body() -> [UInt8] {
        if let length = headers["content-length"].flatMap(Int.init) {
            while buffer.count < length, fill() {}
            return Array(buffer.prefix(length))
        }
        while fill() {}
        return buffer
    }

    /// The next line of the body without its line end, or `nil` at its end.
    package func nextLine() -> [UInt8]? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 13 { line.removeLast() }
                return line
            }
            guard fill() else {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return buffer
            }
        }
    }

    /// Reads more into the buffer; `false` at the end of the stream.
    private func fill() -> Bool {
        guard !ended else { return false }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                ended = true
                return false
            }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
    }

    private static func connect(_ endpoint: HTTPEndpoint) throws(HTTPClientError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list) == 0, let first = list else {
            throw HTTPClientError("cannot find the address of \(endpoint.host)")
        }
        defer { freeaddrinfo(list) }
        var problem = ECONNREFUSED
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if descriptor >= 0 {
                if connectSocket(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                    var noDelay: Int32 = 1
                    setsockopt(
                        descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
                    #if canImport(Darwin)
                        var one: Int32 = 1
                        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
                    #endif
                    return descriptor
                }
                problem = errno
                close(descriptor)
            }
            candidate = address.pointee.ai_next
        }
        throw HTTPClientError(
            "cannot connect to \(endpoint.authority): \(SystemError.sentence(for: problem))")
    }

    private static func send(_ descriptor: Int32, _ bytes: [UInt8]) throws(HTTPClientError) {
        guard SocketConnection.sendAll(bytes, to: descriptor) else {
            throw HTTPClientError("the server closed the connection while it was sent to")
        }
    }
}

#if canImport(Glibc)
    private func connectSocket(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>!, _ length: socklen_t) -> Int32 {
        Glibc.connect(fd, address, length)
    }
#else
    private func connectSocket(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>!, _ length: socklen_t) -> Int32 {
        Darwin.connect(fd, address, length)
    }
#endif
