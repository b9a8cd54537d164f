#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Human-readable diagnostics on stderr, filtered by `--log-level`. Never touches stdout.
package struct Diagnostics: Sendable {
    package let threshold: LogLevel

    package init(threshold: LogLevel) {
        self.threshold = threshold
    }

    package func write(_ level: LogLevel, _ message: String) {
        guard level >= threshold else { return }
        Self.writeStderr("mcp-orchestrator: \(level.rawValue): \(message)\n")
    }

    /// Writes unconditionally (usage errors, the start-up line).
    package static func writeStderr(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            _ = systemWrite(STDERR_FILENO, raw.baseAddress, raw.count)
        }
    }

    /// For `--help` and `--version` only, before stdout belongs to the protocol.
    package static func writeStdout(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            _ = systemWrite(STDOUT_FILENO, raw.baseAddress, raw.count)
        }
    }
}

@inline(__always)
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
