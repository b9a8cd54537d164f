internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells every open event stream that the state file changed: one watcher thread for the board, and
/// a pipe per stream that becomes readable on each change.
final class BoardChanges: @unchecked Sendable {
    private let lock = Lock()
    private var subscribers: [Int32: Int32] = [:]

    /// Starts watching `path` on a thread of its own.
    init(path: String) {
        DetachedThread.start { [self] in watch(path) }
    }

    /// A descriptor that becomes readable after the next change; hand it back to `unsubscribe`.
    func subscribe() -> Int32? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        lock.withLock { subscribers[ends[0]] = ends[1] }
        return ends[0]
    }

    func unsubscribe(_ descriptor: Int32) {
        let writer = lock.withLock { subscribers.removeValue(forKey: descriptor) }
        if let writer { close(writer) }
        close(descriptor)
    }

    /// Empties a subscriber's pipe after it woke.
    static func drain(_ descriptor: Int32) {
        var bytes = [UInt8](repeating: 0, count: 64)
        while bytes.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }

    private func watch(_ path: String) {
        let watcher = StateFileWatcher(path: path)
        while true {
            if let descriptor = watcher.descriptor {
                var watched = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
                if poll(&watched, 1, -1) < 0, errno != EINTR { return }
            } else {
                usleep(useconds_t(StateFileWatcher.pollMilliseconds) * 1000)
            }
            guard watcher.changed() else { continue }
            let writers = lock.withLock { Array(subscribers.values) }
            var byte: UInt8 = 1
            for writer in writers { _ = write(writer, &byte, 1) }
        }
    }
}
