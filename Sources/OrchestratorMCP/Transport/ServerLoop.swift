package import OrchestratorSystem

/// The loop `main` runs: read a line, handle it, repeat, until input ends or a stop is requested;
/// meanwhile, calls that wait are woken when the state file changes or their time comes.
package enum ServerLoop {
    package enum ExitReason: Equatable {
        case endOfInput
        case stopRequested(signal: Int32)
        case outputClosed
    }

    /// - Parameter changes: the process's `StateChanges`, which wakes calls that wait for a change.
    ///   The loop subscribes when a call first waits, so a server nobody waits on watches nothing.
    package static func run<Source: ByteSource>(
        _ server: inout MCPServer, reader: inout LineReader<Source>, changes: StateChanges? = nil,
        outputIsBroken: () -> Bool = { false }, afterMessage: () -> Void = {}
    ) -> ExitReason {
        var subscription: Int32?
        while true {
            if subscription == nil, server.isWaiting, let changes, let fresh = changes.subscribe() {
                subscription = fresh
                // A change between the call's own look and the subscription went unseen: look again.
                server.wake(stateChanged: true)
            }
            var wake: WakeCondition?
            if let due = server.millisecondsUntilDue() {
                wake = WakeCondition(descriptor: subscription, milliseconds: due)
            }
            let event = reader.next(wake: wake)
            if server.isWaiting {
                // Between messages, and whenever the loop wakes: answer the waits whose moment came.
                server.wake(stateChanged: subscription.map { StateChanges.drain($0) == .changed } ?? false)
            }
            switch event {
            case .woke:
                break
            case .line(let line):
                server.receive(line)
                afterMessage()
            case .oversized(let byteCount, let head):
                server.receiveOversizedLine(byteCount: byteCount, limit: reader.maximumLineBytes, head: head)
            case .endOfInput:
                return .endOfInput
            case .stopRequested(let signal):
                return .stopRequested(signal: signal)
            }
            if outputIsBroken() { return .outputClosed }
        }
    }
}
