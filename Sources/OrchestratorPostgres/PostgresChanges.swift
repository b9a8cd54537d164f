package import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The database's second source for the change hub: a connection that `LISTEN`s on the store's
/// channel and announces every change to this project, made by this server or any other on the same
/// database, to the hub's subscribers (waiting calls, boards, MCP Apps).
///
/// When the connection breaks (the database restarted), it connects again, once a second, and
/// announces on the way back: what changed meanwhile was not heard.
package final class PostgresChanges: Sendable {
    private let store: PostgresStore
    private let hub: StateChanges
    private let stopRead: Int32
    private let stopWrite: Int32

    /// Starts listening for `store`'s project and feeding `hub`.
    package init(store: PostgresStore, hub: StateChanges) {
        self.store = store
        self.hub = hub
        let ends = FileSystem.nonBlockingPipe() ?? (-1, -1)
        stopRead = ends.read
        stopWrite = ends.write
        DetachedThread.start { [self] in listen() }
    }

    deinit {
        close(stopRead)
        close(stopWrite)
    }

    /// Ends the listening thread.
    package func stop() {
        var byte: UInt8 = 1
        _ = write(stopWrite, &byte, 1)
    }

    private func listen() {
        var first = true
        while true {
            if let connection = try? store.connect(),
                (try? connection.execute("LISTEN \(PostgresSchema.channel)")) != nil
            {
                // Back after a break: whatever changed while nobody listened is announced now.
                if !first { hub.announce() }
                first = false
                if !follow(connection) { return }
            }
            if waitForStop(milliseconds: 1_000) { return }
        }
    }

    /// Announces this project's notifications until the connection breaks (`true`) or the listener
    /// is stopped (`false`).
    private func follow(_ connection: PostgresConnection) -> Bool {
        while true {
            var descriptors = [
                pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return true
            }
            if descriptors[1].revents != 0 { return false }
            guard let notices = try? connection.notifications() else { return true }
            if notices.contains(where: { $0.channel == PostgresSchema.channel && $0.payload == store.project }) {
                hub.announce()
            }
            if !connection.isHealthy { return true }
        }
    }

    private func waitForStop(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }
}
