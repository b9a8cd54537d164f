internal import OrchestratorSystem

/// One connection's life: read a request within the limits, answer it, repeat while kept alive.
///
/// Every way out answers or closes: a malformed head gets its status and the connection closes, a
/// client that trickles its head past the deadline gets 408, one that goes idle is closed.
struct HTTPConnectionLoop: Sendable {
    let connection: SocketConnection
    let limits: HTTPLimits
    let handler: any HTTPHandler
    /// Where the connection says whether it waits for a head (and may be shed) or is being served.
    let table: ConnectionTable?
    let entry: ConnectionTable.Entry?

    init(
        connection: SocketConnection, limits: HTTPLimits, handler: any HTTPHandler, table: ConnectionTable? = nil,
        entry: ConnectionTable.Entry? = nil
    ) {
        self.connection = connection
        self.limits = limits
        self.handler = handler
        self.table = table
        self.entry = entry
    }

    func run() {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var first = true
        while true {
            // Idle until a request's first byte, then the head has its own deadline. A new connection
            // has the head's deadline from its accept: one that sends nothing is not kept.
            if pending.isEmpty {
                if !first, let table, let entry { table.waiting(entry) }
                let wait = first ? limits.headerTimeoutMilliseconds : limits.idleTimeoutMilliseconds
                guard
                    case .bytes(let count) = connection.receive(
                        into: &chunk, until: Monotonic.milliseconds() + Int64(wait))
                else { return }
                pending.append(contentsOf: chunk[0..<count])
            }
            first = false
            let headDeadline = Monotonic.milliseconds() + Int64(limits.headerTimeoutMilliseconds)
            var headEnd: Int?
            var scanned = 0
            while true {
                if let end = Self.endOfHead(in: pending, from: scanned) {
                    headEnd = end
                    break
                }
                if pending.count > limits.maximumHeaderBytes { return refuse(431, "the request head is too large") }
                if Self.hasBareLineFeed(in: pending, from: scanned) { return refuse(400, "lines must end with CRLF") }
                scanned = max(0, pending.count - 3)
                switch connection.receive(into: &chunk, until: headDeadline) {
                case .bytes(let count): pending.append(contentsOf: chunk[0..<count])
                case .closed: return
                case .timedOut: return refuse(408, "the request head did not arrive in time")
                }
            }
            guard let headEnd else { return }
            if headEnd > limits.maximumHeaderBytes { return refuse(431, "the request head is too large") }
            let head: HTTPHead
            do {
                head = try HTTPHead.parse(pending[0..<headEnd], maximumBody: limits.maximumBodyBytes)
            } catch {
                return refuse(error.status, error.reason)
            }
            pending.removeFirst(headEnd + 4)
            if let table, let entry { table.serving(entry) }
            let bodyDeadline = Monotonic.milliseconds() + Int64(limits.bodyTimeoutMilliseconds)
            while pending.count < head.contentLength {
                switch connection.receive(into: &chunk, until: bodyDeadline) {
                case .bytes(let count): pending.append(contentsOf: chunk[0..<count])
                case .closed: return
                case .timedOut: return refuse(408, "the request body did not arrive in time")
                }
            }
            let body = Array(pending[0..<head.contentLength])
            pending.removeFirst(head.contentLength)
            let request = HTTPRequest(
                method: head.method, target: head.target, headers: head.headers, body: body, keepAlive: head.keepAlive)
            let response = handler.respond(to: request)
            switch response.body {
            case .bytes(let bytes):
                let keepAlive = head.keepAlive && request.method != "CONNECT"
                // Head and body in one write: one segment for a small answer.
                let head = response.head(keepAlive: keepAlive, contentLength: bytes.count)
                guard connection.send(request.method == "HEAD" ? head : head + bytes), keepAlive else { return }
            case .eventStream(let produce):
                guard connection.send(response.head(keepAlive: false, contentLength: nil)) else { return }
                produce(EventStream(connection: connection))
                return
            }
        }
    }

    /// Answers a request that cannot be served, then the connection closes.
    private func refuse(_ status: Int, _ reason: String) {
        let response = HTTPResponse.text(status, "\(status) \(HTTPResponse.reason(status)): \(reason)\n")
        if case .bytes(let bytes) = response.body {
            _ = connection.send(response.head(keepAlive: false, contentLength: bytes.count) + bytes)
        }
    }

    /// Whether a line ends in LF alone (refused at once rather than waited on: its head never ends).
    static func hasBareLineFeed(in bytes: [UInt8], from start: Int) -> Bool {
        for index in max(start, 0)..<bytes.count where bytes[index] == 10 && (index == 0 || bytes[index - 1] != 13) {
            return true
        }
        return false
    }

    /// Where the empty line that ends the head starts, if it has arrived; bytes before `start` were
    /// searched already.
    static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4, start <= bytes.count - 4 else { return nil }
        for index in start...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}
