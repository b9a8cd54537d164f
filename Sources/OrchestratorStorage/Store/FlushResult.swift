internal import OrchestratorSystem

/// How one change's flush ended, kept for that change: set once by whoever finishes the flush (the
/// change's own caller awaiting it, or the next read or change of the store), read by the change's
/// caller. A failure reported to anyone else would tell one caller of another's lost change and the
/// owner that its change was saved.
final class FlushResult: Sendable {
    private let state = Locked<(settled: Bool, failure: StorageError?)>((false, nil))

    /// Records the end: `nil` when the change is on disk. Only the first end counts.
    func settle(_ failure: StorageError?) {
        state.withLock { state in
            guard !state.settled else { return }
            state = (true, failure)
        }
    }

    /// Why the change is not on disk, once settled; `nil` when it is.
    var failure: StorageError? { state.current.failure }
}
