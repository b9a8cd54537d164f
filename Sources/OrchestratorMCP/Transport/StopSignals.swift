#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The write end of the self-pipe; the only state a signal handler may touch.
nonisolated(unsafe) private var stopSignalWriteDescriptor: Int32 = -1

/// Turns SIGTERM and SIGINT into a readable byte on a pipe (the self-pipe pattern).
///
/// The input loop polls this pipe together with stdin, so a stop request wakes it even while it
/// waits for input, and the server finishes the message in hand, then exits 0. Nothing unsafe runs
/// inside the handler: it writes one byte.
package enum StopSignals {
    /// Installs the handlers and returns the read end to poll.
    package static func install() -> Int32 {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { return -1 }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        stopSignalWriteDescriptor = descriptors[1]
        var handled = sigset_t()
        sigemptyset(&handled)
        for signalNumber in [SIGTERM, SIGINT] {
            _ = signal(signalNumber) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(stopSignalWriteDescriptor, &byte, 1)
            }
            sigaddset(&handled, signalNumber)
        }
        // A parent may start us with these signals blocked (Foundation's Process does); a blocked
        // SIGTERM would never reach the handler, and the client's shutdown would have to SIGKILL us.
        _ = sigprocmask(SIG_UNBLOCK, &handled, nil)
        return descriptors[0]
    }
}
