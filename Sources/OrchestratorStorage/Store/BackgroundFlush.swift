internal import Dispatch
internal import OrchestratorSystem

/// One durable replacement running on another thread, so the caller can prepare its answer while
/// the disk flushes. The caller must `wait()` before telling anyone the change happened.
final class BackgroundFlush: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written by the flushing thread before it signals `finished`, read only after waiting on it.
    private var failure: FileSystem.Failure?
    private static let queue = DispatchQueue(label: "mcp-orchestrator.state-flush", qos: .userInitiated)

    init(_ pieces: [FrozenBytes], to replacement: DurableReplacement) {
        Self.queue.async {
            do throws(FileSystem.Failure) {
                let replaced = try replacement.write(pieces: pieces)
                self.finished.signal()
                // The old version's blocks are freed after the caller may answer (see ReplacedVersion).
                replaced.release()
            } catch {
                self.failure = error
                self.finished.signal()
            }
        }
    }

    /// Blocks until the bytes are durable, or says why they are not. Call it once.
    func wait() -> FileSystem.Failure? {
        finished.wait()
        return failure
    }
}
