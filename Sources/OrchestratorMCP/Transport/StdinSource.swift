internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads stdin, waking early when a stop signal arrives on the self-pipe.
package struct StdinSource: ByteSource {
    private let stopDescriptor: Int32

    package init(stopDescriptor: Int32) {
        self.stopDescriptor = stopDescriptor
    }

    package mutating func read(into buffer: UnsafeMutableRawBufferPointer, wake: WakeCondition?) -> ByteSourceResult {
        var watched = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake?.descriptor ?? -1, events: Int16(POLLIN), revents: 0),
        ]
        // A negative descriptor is ignored by poll(2), so the array keeps its shape.
        let deadline = wake.map { Monotonic.milliseconds() + Int64($0.milliseconds) }
        while true {
            let timeout = deadline.map { Int32(clamping: max(0, $0 - Monotonic.milliseconds())) } ?? -1
            let ready = poll(&watched, 3, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfInput
            }
            if ready == 0 { return .woke }
            if stopDescriptor >= 0, watched[1].revents != 0 {
                var signalByte: UInt8 = 0
                _ = systemRead(stopDescriptor, &signalByte, 1)
                return .stopRequested(signal: Int32(signalByte))
            }
            if watched[0].revents != 0 {
                let count = systemRead(STDIN_FILENO, buffer.baseAddress, buffer.count)
                if count > 0 { return .data(count: count) }
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                return .endOfInput
            }
            if watched[2].revents != 0 { return .woke }
        }
    }
}

/// `read(2)`, named apart from `ByteSource.read` so the call inside the conformance is unambiguous.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
