internal import OrchestratorSystem

/// How one change's flush ended, kept for that change: set once by whoever finishes the flush (the
/// change's own caller awaiting it, or the next read or change of the store), read by the change's
/// caller. A failure reported to anyone else would tell one caller of another's lost change and the
/// owner that its change was saved.
final class FlushResult: @unchecked Sendable {
    private let lock = Lock()
    private var settled = false
    private var outcome: StorageError?

    /// Records the end: `nil` when the change is on disk.
    func settle(_ failure: StorageError?) {
        lock.withLock {
            guard !settled else { return }
            settled = true
            outcome = failure
        }
    }

    /// Why the change is not on disk, once settled; `nil` when it is.
    var failure: StorageError? { lock.withLock { outcome } }
}
