internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wakes the conversations whose calls wait (`waitSeconds`) when the state changes (a subscription
/// to the process's `StateChanges`) or their time comes: one thread for the whole server, nudged
/// whenever a call starts to wait, ending when the hub stops.
final class ConversationWaker: @unchecked Sendable {
    private let lock = Lock()
    private var waiting: [ObjectIdentifier: Conversation] = [:]
    private let nudgeRead: Int32
    private let nudgeWrite: Int32
    /// Called with each conversation that stopped waiting (a 2026 one goes back to the pool). Set
    /// once the endpoint exists, after the thread started, so it is read and written under the lock.
    var settled: (@Sendable (Conversation) -> Void)? {
        get { onSettled.current }
        set { onSettled.withLock { $0 = newValue } }
    }
    private let onSettled = Locked<(@Sendable (Conversation) -> Void)?>(nil)

    init(changes: StateChanges) {
        let ends = FileSystem.nonBlockingPipe() ?? (-1, -1)
        nudgeRead = ends.read
        nudgeWrite = ends.write
        guard let subscription = changes.subscribe() else { return }
        DetachedThread.start { [self] in
            run(subscription)
            changes.unsubscribe(subscription)
        }
    }

    /// Starts watching a conversation that has a waiting call.
    func watch(_ conversation: Conversation) {
        lock.withLock { waiting[ObjectIdentifier(conversation)] = conversation }
        var byte: UInt8 = 1
        _ = write(nudgeWrite, &byte, 1)
    }

    private func run(_ subscription: Int32) {
        while true {
            let current = lock.withLock { Array(waiting.values) }
            let timeout = current.compactMap { $0.millisecondsUntilDue() }.min() ?? -1
            var watched = [
                pollfd(fd: nudgeRead, events: Int16(POLLIN), revents: 0),
                pollfd(fd: subscription, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&watched, 2, timeout) < 0, errno != EINTR { return }
            var bytes = [UInt8](repeating: 0, count: 64)
            while bytes.withUnsafeMutableBytes({ read(nudgeRead, $0.baseAddress, $0.count) }) > 0 {}
            let wake = StateChanges.drain(subscription)
            if wake == .closed { return }
            for conversation in current {
                conversation.wake(stateChanged: wake == .changed)
                if !conversation.isWaiting {
                    lock.withLock { waiting[ObjectIdentifier(conversation)] = nil }
                    settled?(conversation)
                }
            }
        }
    }
}
