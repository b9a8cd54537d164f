#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one source of "the state changed" in a process: the stdio server's loop, the shared server's
/// waiting calls and the board's event streams each subscribe, instead of each running a watcher.
///
/// A subscription is a descriptor that becomes readable after a change, so a loop polls it beside
/// its other descriptors. Changes come from the state file's watcher (inotify, or a stat poll where
/// there is none), on a thread of the hub's own, or from `announce()`, which another source (a
/// database's notification) can call. `stop()` ends the watcher and closes every subscription's
/// writing end: a subscriber then reads the end of its pipe (`Wake.closed`) and stops too.
package final class StateChanges: Sendable {
    /// What a subscriber found when its descriptor woke it.
    package enum Wake: Equatable, Sendable {
        /// The state changed (once or more) since the last look.
        case changed
        /// Nothing since the last look.
        case nothing
        /// The hub stopped; nothing more will come.
        case closed
    }

    /// Reading end → writing end of each subscription; `nil` once stopped.
    private let subscribers = Locked<[Int32: Int32]?>([:])
    private let stopRead: Int32
    private let stopWrite: Int32
    /// The state file to watch, once someone subscribes; `nil` for a hub fed only by `announce()`.
    private let watchedPath: String?
    private let watching = Locked(false)

    /// Watches the state file at `path` on a thread of its own, from the first subscription on: a
    /// process in which nobody waits for a change runs no watcher.
    package init(watching path: String) {
        watchedPath = path
        let ends = FileSystem.nonBlockingPipe() ?? (-1, -1)
        stopRead = ends.read
        stopWrite = ends.write
    }

    /// A hub without a watcher: changes come only from `announce()`.
    package init() {
        watchedPath = nil
        let ends = FileSystem.nonBlockingPipe() ?? (-1, -1)
        stopRead = ends.read
        stopWrite = ends.write
    }

    deinit {
        close(stopRead)
        close(stopWrite)
    }

    /// A descriptor that becomes readable after the next change; `nil` when no pipe can be made or
    /// the hub has stopped. Hand it back to `unsubscribe`.
    package func subscribe() -> Int32? {
        guard let ends = FileSystem.nonBlockingPipe() else { return nil }
        let added = subscribers.withLock { table -> Bool in
            guard table != nil else { return false }
            table?[ends.read] = ends.write
            return true
        }
        guard added else {
            close(ends.read)
            close(ends.write)
            return nil
        }
        startWatching()
        return ends.read
    }

    /// Ends a subscription and closes its descriptor.
    package func unsubscribe(_ descriptor: Int32) {
        let writer = subscribers.withLock { $0?.removeValue(forKey: descriptor) }
        if let writer { close(writer) }
        close(descriptor)
    }

    /// Wakes every subscriber: the state changed.
    package func announce() {
        let writers = subscribers.withLock { $0.map { Array($0.values) } ?? [] }
        var byte: UInt8 = 1
        for writer in writers { _ = write(writer, &byte, 1) }
    }

    /// Ends the watcher and every subscription's writing end. Idempotent.
    package func stop() {
        let writers = subscribers.withLock { table -> [Int32] in
            defer { table = nil }
            return table.map { Array($0.values) } ?? []
        }
        for writer in writers { close(writer) }
        var byte: UInt8 = 1
        _ = write(stopWrite, &byte, 1)
    }

    /// Empties a subscription after it woke, and says what it found.
    package static func drain(_ descriptor: Int32) -> Wake {
        var bytes = [UInt8](repeating: 0, count: 64)
        var found = Wake.nothing
        while true {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                found = .changed
                continue
            }
            if count == 0 { return .closed }
            if errno == EINTR { continue }
            return found
        }
    }

    /// Starts the watcher, once. The file's watch is set up before this returns, so a change made
    /// after a subscription is never missed.
    private func startWatching() {
        guard let watchedPath,
            watching.withLock({ started in
                defer { started = true }
                return !started
            })
        else {
            return
        }
        nonisolated(unsafe) let watcher = StateFileWatcher(path: watchedPath)
        DetachedThread.start { [self] in watch(watcher) }
    }

    private func watch(_ watcher: StateFileWatcher) {
        while true {
            var watched = [pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0)]
            if let descriptor = watcher.descriptor {
                watched.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
            }
            let timeout = watcher.descriptor == nil ? StateFileWatcher.pollMilliseconds : -1
            if poll(&watched, nfds_t(watched.count), timeout) < 0, errno != EINTR { return }
            if watched[0].revents != 0 { return }
            if watcher.changed() { announce() }
        }
    }
}
