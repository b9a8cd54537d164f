#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One server-sent-events response in progress: write events, wait for something to tell.
package final class EventStream: @unchecked Sendable {
    /// Why `wait` returned.
    package enum Wake: Equatable, Sendable {
        /// The descriptor waited on is readable.
        case ready
        case timedOut
        /// The client closed the connection (or sent something, which an event stream never expects).
        case closed
    }

    private let connection: SocketConnection
    package private(set) var isOpen = true

    init(connection: SocketConnection) {
        self.connection = connection
    }

    /// Sends one event; `false` once the client is gone.
    @discardableResult
    package func send(event: String? = nil, data: String) -> Bool {
        var text = ""
        if let event { text += "event: \(event)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        return write(text + "\n")
    }

    /// A comment line, which keeps proxies and the browser's connection alive.
    @discardableResult
    package func comment(_ text: String) -> Bool { write(": \(text)\n\n") }

    /// Waits until `descriptor` is readable, the client leaves, or `milliseconds` pass.
    package func wait(on descriptor: Int32?, milliseconds: Int32) -> Wake {
        guard isOpen else { return .closed }
        var watched = [pollfd(fd: connection.descriptor, events: Int16(POLLIN), revents: 0)]
        if let descriptor { watched.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        while true {
            let ready = poll(&watched, nfds_t(watched.count), milliseconds)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { return .timedOut }
            if watched[0].revents != 0 {
                isOpen = false
                return .closed
            }
            return .ready
        }
    }

    private func write(_ text: String) -> Bool {
        guard isOpen else { return false }
        if !connection.send(Array(text.utf8)) { isOpen = false }
        return isOpen
    }
}
