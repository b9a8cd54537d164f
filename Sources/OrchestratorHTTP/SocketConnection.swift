internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An accepted TCP connection: whole writes, reads that end at a deadline. Closed when released.
/// Sendable because it is handed over once, to the one thread that serves it.
final class SocketConnection: @unchecked Sendable {
    let descriptor: Int32

    init(descriptor: Int32, sendTimeoutSeconds: Int) {
        self.descriptor = descriptor
        var timeout = timeval(tv_sec: sendTimeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // Answers are written whole; waiting to coalesce them with more (Nagle) only meets the
        // client's delayed acknowledgement and costs 40 ms a response.
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes`; `false` when the client is gone or stopped reading for the send timeout.
    func send(_ bytes: [UInt8]) -> Bool { Self.sendAll(bytes, to: descriptor) }

    /// Writes all of `bytes` to a connected socket, never raising SIGPIPE; `false` when the peer is
    /// gone (or stopped reading for the socket's send timeout).
    static func sendAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                    Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                #else
                    Darwin.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, 0)
                #endif
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// What one read brought.
    enum Received {
        case bytes(Int)
        case closed
        case timedOut
    }

    /// Reads into `buffer` what is there, waiting at most until `deadline` (a `Monotonic` millisecond).
    func receive(into buffer: inout [UInt8], until deadline: Int64) -> Received {
        var watched = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        while true {
            let remaining = deadline - Monotonic.milliseconds()
            guard remaining > 0 else { return .timedOut }
            let ready = poll(&watched, 1, Int32(min(remaining, Int64(Int32.max))))
            if ready < 0, errno == EINTR { continue }
            if ready == 0 { return .timedOut }
            if ready < 0 { return .closed }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            return count > 0 ? .bytes(count) : .closed
        }
    }
}
