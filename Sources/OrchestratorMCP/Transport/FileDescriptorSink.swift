package import OrchestratorJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes each message as one line, in one `write` call when the pipe takes it whole.
package final class FileDescriptorSink: MessageSink {
    private let descriptor: Int32
    /// Set once the reader has gone (EPIPE and the like); the loop then stops.
    package private(set) var isBroken = false

    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    package func send(_ message: JSONValue) {
        guard !isBroken else { return }
        writeLine(line(message))
    }

    /// Serializes the reply while its changes flush to disk, and writes it once they are durable.
    package func send(_ message: JSONValue, once pending: PendingReply) {
        guard !isBroken else {
            _ = pending.waitForChanges()
            return
        }
        let prepared = line(message)
        if let replacement = pending.replacement() { send(replacement) } else { writeLine(prepared) }
    }

    private func line(_ message: JSONValue) -> [UInt8] {
        var bytes = JSONWriter.bytes(from: message)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private func writeLine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    isBroken = true
                    return
                }
            }
        }
    }
}
