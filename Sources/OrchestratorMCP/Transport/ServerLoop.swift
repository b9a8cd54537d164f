/// The loop `main` runs: read a line, handle it, repeat, until input ends or a stop is requested.
package enum ServerLoop {
    package enum ExitReason: Equatable {
        case endOfInput
        case stopRequested(signal: Int32)
        case outputClosed
    }

    package static func run<Source: ByteSource>(
        _ server: inout MCPServer, reader: inout LineReader<Source>,
        outputIsBroken: () -> Bool = { false }
    ) -> ExitReason {
        while true {
            switch reader.next() {
            case .line(let line):
                server.receive(line)
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
