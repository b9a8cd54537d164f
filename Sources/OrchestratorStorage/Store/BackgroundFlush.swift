internal import Dispatch
internal import OrchestratorSystem

/// One durable replacement running on another thread, so the caller can prepare its answer while
/// the disk flushes. The caller must `wait()` before telling anyone the change happened.
final class BackgroundFlush: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written by the flushing thread before it signals `finished`, read only after waiting on it.
    private var failure: FileSystem.Failure?
    private static let queue = DispatchQueue(label: "mcp-orchestrator.state-flush", qos: .userInitiated)
    /// Where a large replaced version is let go: freeing a few megabytes of blocks takes long enough
    /// that the next change's flush would otherwise wait behind it.
    private static let releases = DispatchQueue(label: "mcp-orchestrator.state-release")
    /// From this size on, the replaced version is let go on `releases`; a smaller one is let go at
    /// once, as handing it over would cost more than it saves (measured in the Performance article).
    static let separateReleaseBytes = 1 << 20
    /// The replaced versions handed to `releases` and not yet let go.
    private static let unreleased = DispatchGroup()

    init(_ pieces: [FrozenBytes], to replacement: DurableReplacement) {
        Self.queue.async {
            do throws(FileSystem.Failure) {
                let replaced = try replacement.write(pieces: pieces)
                // The old version's blocks are freed after the caller may answer (see ReplacedVersion).
                let apart = pieces.reduce(0, { $0 + $1.count }) >= Self.separateReleaseBytes
                // Counted before the caller is told, so whoever waits for releases after that waits for this one.
                if apart { Self.unreleased.enter() }
                self.finished.signal()
                if apart {
                    Self.releases.async {
                        replaced.release()
                        Self.unreleased.leave()
                    }
                } else {
                    replaced.release()
                }
            } catch {
                self.failure = error
                self.finished.signal()
            }
        }
    }

    /// Blocks until every replaced version handed to `releases` so far is let go.
    static func waitForReleases() {
        unreleased.wait()
    }

    /// Blocks until the bytes are durable, or says why they are not. Call it once.
    func wait() -> FileSystem.Failure? {
        finished.wait()
        return failure
    }
}
