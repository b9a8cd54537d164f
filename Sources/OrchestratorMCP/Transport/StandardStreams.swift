#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Claims stdout for the protocol and guards it from stray writes.
///
/// The real stdout is duplicated onto a private descriptor that only `FileDescriptorSink` writes
/// to; descriptor 1 is then pointed at stderr, so a `print` anywhere in the process lands in the
/// diagnostics instead of corrupting the message stream. SIGPIPE is ignored so a departed client
/// turns writes into errors rather than killing the process mid-write; SIGXFSZ likewise, so a file
/// size limit (a full quota) fails the state file's write with EFBIG instead of killing the server.
package enum StandardStreams {
    /// Returns the descriptor that now carries the protocol.
    package static func claimStdoutForProtocol() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        let protocolDescriptor = dup(STDOUT_FILENO)
        guard protocolDescriptor >= 0 else { return STDOUT_FILENO }
        _ = fcntl(protocolDescriptor, F_SETFD, FD_CLOEXEC)
        _ = dup2(STDERR_FILENO, STDOUT_FILENO)
        return protocolDescriptor
    }
}
