internal import OrchestratorSystem

/// The loop `main` runs: read a line, handle it, repeat, until input ends or a stop is requested;
/// meanwhile, calls that wait are woken when the state file changes or their time comes.
package enum ServerLoop {
    package enum ExitReason: Equatable {
        case endOfInput
        case stopRequested(signal: Int32)
        case outputClosed
    }

    /// - Parameter changes: a subscription to the process's `StateChanges`, readable after a change,
    ///   which wakes calls that wait for one.
    package static func run<Source: ByteSource>(
        _ server: inout MCPServer, reader: inout LineReader<Source>, changes: Int32? = nil,
        outputIsBroken: () -> Bool = { false }, afterMessage: () -> Void = {}
    ) -> ExitReason {
        while true {
            var wake: WakeCondition?
            if let due = server.millisecondsUntilDue() {
                wake = WakeCondition(descriptor: changes, milliseconds: due)
            }
            let event = reader.next(wake: wake)
            if server.isWaiting {
                // Between messages, and whenever the loop wakes: answer the waits whose moment came.
                server.wake(stateChanged: changes.map { StateChanges.drain($0) == .changed } ?? false)
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
