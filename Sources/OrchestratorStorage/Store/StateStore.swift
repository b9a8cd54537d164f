package import OrchestratorCore
internal import OrchestratorFormat
internal import OrchestratorJSON
package import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The state file, shared safely by every process that opens it, and the core's
/// `StatePersistence`.
///
/// A change takes an exclusive `flock` on `<state>.lock`, re-reads the file if anyone replaced it
/// since we last looked, applies the change to a copy and hands the new bytes to a flushing thread
/// (`BackgroundFlush`, a `DurableReplacement`); the caller gets the change's `Durability` and may
/// prepare its answer while the disk flushes, but answers only after awaiting it. The lock is held
/// until the flush is finished — by that wait, or by the next read or change. A reader opens the
/// file without a lock: renames are atomic, so it sees one whole version. Nothing is ever served
/// from a stale cache: every read and change checks the file's identity first.
///
/// A file that cannot be read, does not parse or has a newer `schemaVersion` is never overwritten.
/// Not thread-safe: one server loop owns one store.
package final class StateStore {
    package let location: StateLocation
    /// How long a change waits for another process's lock before giving up with `busy`.
    package let lockWaitSeconds: Double
    private var lockDescriptor: Int32 = -1
    private var cache: (identity: FileIdentity?, loaded: Loaded)?
    private var encoder = StateEncoder()
    /// A change whose bytes are on their way to disk; the lock is held until it is finished.
    private var pending: (flush: BackgroundFlush, snapshot: StateSnapshot, result: FlushResult)?
    /// The archive as last read, under the identity its file had then.
    private var archiveCache: (identity: FileIdentity?, requests: [ArchivedRequest])?

    /// What a read found: the snapshot, why it must not be written, if so, and whether it is the
    /// document the encoder wrote last (so a change on it is encoded from its record alone).
    private struct Loaded {
        let snapshot: StateSnapshot
        let readOnly: StorageError?
        var isEncoded = false

        static let empty = Loaded(
            snapshot: StateSnapshot(state: OrchestratorState(), revision: 0, readOnlyReason: nil), readOnly: nil)
    }

    /// When finished requests move to the archive; `nil` keeps them in the live file.
    package let archivePolicy: ArchivePolicy?
    /// The append-only archive beside the state file.
    package let archive: StateArchive

    package init(location: StateLocation, lockWaitSeconds: Double = 10, archivePolicy: ArchivePolicy? = nil) {
        self.location = location
        self.lockWaitSeconds = lockWaitSeconds
        self.archivePolicy = archivePolicy
        archive = StateArchive(statePath: location.path)
    }

    deinit {
        if let pending { _ = pending.flush.wait() }
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    private var lockPath: String { location.path + ".lock" }
    private var replacement: DurableReplacement {
        DurableReplacement(path: location.path, directory: location.directory)
    }

    /// The current state, re-read only when the file changed. Never writes.
    package func read() throws(StorageError) -> StateSnapshot {
        // A flush still running is finished first; its failure belongs to the change that made it,
        // and the file as it is (the version before that change) is what is read.
        finishPendingFlush()
        return try load().snapshot
    }

    /// Applies `change` under the lock and returns once the result is durable.
    ///
    /// When `change` throws, nothing is written and memory is left as it was. When it records no
    /// change, nothing is written either (a `get_next_task` that claims nothing).
    package func change<Outcome>(
        _ change: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(StoreFailure) -> (outcome: Outcome, snapshot: StateSnapshot) {
        let applied = try apply(change)
        guard let result = applied.result else { return (applied.outcome, applied.snapshot) }
        finishPendingFlush()
        if let failure = result.failure { throw .storage(failure) }
        return (applied.outcome, applied.snapshot)
    }

    /// Applies `change` under the lock and hands what it wrote to the flushing thread; `flushing`
    /// says whether anything was written (and the lock is still held for it).
    private func apply<Outcome>(
        _ change: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(StoreFailure) -> (outcome: Outcome, snapshot: StateSnapshot, result: FlushResult?) {
        finishPendingFlush()
        if !fileExists {
            if let answer = try withoutAFile(change) { return (answer.outcome, answer.snapshot, nil) }
            do {
                try FileSystem.createDirectories(location.directory)
            } catch {
                throw .storage(.writeFailed(path: location.path, reason: error.description))
            }
            // A repository's file in the per-user folder says which repository it is (`projects` shows it).
            if location.source == .repository, let repository = location.project {
                try? FileSystem.replaceSmallFile(
                    StateLocation.repositoryRecord(of: location.path), with: Array((repository + "\n").utf8))
            }
        }
        try lock()
        var handedOff = false
        defer { if !handedOff { unlock() } }
        let current: Loaded
        do { current = try load() } catch { throw .storage(error) }
        if let reason = current.readOnly { throw .storage(reason) }
        var state = current.snapshot.state
        state.beginChange()
        let outcome: Outcome
        do { outcome = try change(&state) } catch { throw .refused(error) }
        if state.changes.isEmpty { return (outcome, current.snapshot, nil) }
        // Finished work past its retention leaves with this change: archived and flushed first.
        if let policy = archivePolicy {
            let now = policy.clock.now()
            let finished = state.takeFinished(before: now.adding(seconds: -policy.retentionSeconds), at: now)
            if !finished.isEmpty {
                do { try archive.append(finished) } catch { throw .storage(error) }
            }
        }
        let snapshot = StateSnapshot(state: state, revision: current.snapshot.revision + 1, readOnlyReason: nil)
        // What the change touched is all that is encoded anew, when the state it changed is the
        // document this encoder wrote; read from the file, it is encoded whole.
        let pieces = encoder.pieces(
            snapshot.state, revision: snapshot.revision, changes: current.isEncoded ? state.changes : nil)
        let result = FlushResult()
        pending = (BackgroundFlush(pieces, to: replacement), snapshot, result)
        handedOff = true
        return (outcome, snapshot, result)
    }

    /// Where no state file exists yet, tries `change` on the empty state without creating anything:
    /// a refusal, or a change that changes nothing, leaves no folder, lock or file behind (a mistyped
    /// `--state` must not look like a new, empty store). `nil` means the change does write; it then
    /// runs again under the lock, on whatever is there by then.
    private func withoutAFile<Outcome>(
        _ change: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(StoreFailure) -> (outcome: Outcome, snapshot: StateSnapshot)? {
        var info = stat()
        guard lstat(location.path, &info) != 0, errno == ENOENT else { return nil }
        let empty = Loaded.empty.snapshot
        var state = empty.state
        state.beginChange()
        let outcome: Outcome
        do { outcome = try change(&state) } catch { throw .refused(error) }
        return state.changes.isEmpty ? (outcome, empty) : nil
    }

    /// Whether the state file exists; reads on a path without one say so instead of showing an
    /// empty store.
    package var fileExists: Bool {
        var info = stat()
        return lstat(location.path, &info) == 0
    }

    /// Blocks until the versions replaced so far have been let go (their blocks freed); a large one is
    /// let go on a thread of its own after the change's answer.
    package static func waitForReleasedVersions() {
        BackgroundFlush.waitForReleases()
    }

    /// Waits for a change handed to the flushing thread, records how it ended in that change's own
    /// result (whoever finishes it: the change's caller, or the next read or change), then releases
    /// the lock.
    private func finishPendingFlush() {
        guard let (flush, snapshot, result) = pending else { return }
        pending = nil
        defer { unlock() }
        if let failure = flush.wait() {
            // The encoder holds the document that was not saved: it starts over from the file.
            encoder = StateEncoder()
            result.settle(.writeFailed(path: location.path, reason: failure.description))
            return
        }
        remember(snapshot)
        result.settle(nil)
    }

    // MARK: - Reading

    private func load() throws(StorageError) -> Loaded {
        let path = location.path
        // The file as cached is the common case: one `stat` tells, without opening it.
        var seen = stat()
        if let cache, let known = cache.identity, stat(path, &seen) == 0, (seen.st_mode & S_IFMT) == S_IFREG,
            FileIdentity(seen) == known
        {
            return cache.loaded
        }
        // Without blocking: a FIFO or device planted at the path is refused below, never waited on.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            guard code == ENOENT else { throw .unreadable(path: path, reason: SystemError.sentence(for: code)) }
            if let cache, cache.identity == nil { return cache.loaded }
            cache = (nil, .empty)
            return .empty
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .unreadable(path: path, reason: SystemError.sentence(for: errno))
        }
        if let kind = FileSystem.irregularKind(mode: UInt32(info.st_mode)) {
            throw .unreadable(path: path, reason: "it is \(kind), not a regular file")
        }
        if let problem = FileSystem.looseOwnership(owner: UInt32(info.st_uid), mode: UInt32(info.st_mode), path) {
            throw .unreadable(path: path, reason: problem)
        }
        let identity = FileIdentity(info)
        if let cache, cache.identity == identity { return cache.loaded }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readAll(descriptor, path: path, sizeHint: Int(info.st_size))
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        let loaded = try Self.decode(bytes, path: path)
        cache = (identity, loaded)
        return loaded
    }

    private static func decode(_ bytes: [UInt8], path: String) throws(StorageError) -> Loaded {
        guard bytes.contains(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
            throw .corrupt(path: path, reason: "the file is empty")
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes, maximumDepth: StateSchema.maximumDepth)
        } catch {
            throw .corrupt(path: path, reason: "it is not JSON (\(error))")
        }
        let version: Int
        do { version = try StateDecoder.schemaVersion(of: root) } catch {
            throw .corrupt(path: path, reason: error.description)
        }
        let newer: StorageError? =
            version > StateSchema.currentVersion
            ? .newerSchema(path: path, found: version, supported: StateSchema.currentVersion) : nil
        do {
            let document = try StateDecoder.decode(root)
            return Loaded(
                snapshot: StateSnapshot(
                    state: document.state, revision: document.revision, readOnlyReason: newer?.persistence),
                readOnly: newer)
        } catch {
            throw newer ?? .corrupt(path: path, reason: error.description)
        }
    }

    // MARK: - Writing

    /// Caches what was just saved, under the identity of the file now in place.
    private func remember(_ snapshot: StateSnapshot) {
        var info = stat()
        let identity = stat(location.path, &info) == 0 ? FileIdentity(info) : nil
        cache = (identity, Loaded(snapshot: snapshot, readOnly: nil, isEncoded: true))
    }

    // MARK: - Locking

    /// Takes the lock, waiting with growing pauses (1 ms up to 50 ms) while another process holds it,
    /// for at most `lockWaitSeconds`. The kernel drops the lock of a process that dies, so a stale
    /// lock file never blocks anyone.
    private func lock() throws(StoreFailure) {
        if lockDescriptor < 0 {
            lockDescriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard lockDescriptor >= 0 else {
                let code = errno
                let action =
                    code == ELOOP
                    ? "will not use the lock file, a symbolic link (remove it; it is made again as a plain file)"
                    : "cannot open the lock file"
                throw .storage(
                    .writeFailed(path: location.path, reason: FileSystem.Failure(action, lockPath, code).description))
            }
            var info = stat()
            if fstat(lockDescriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
                close(lockDescriptor)
                lockDescriptor = -1
                throw .storage(
                    .writeFailed(
                        path: location.path,
                        reason: "\(lockPath) is not a regular file; remove it (it is made again as a plain file)"))
            }
        }
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let end = Double(deadline.tv_sec) + Double(deadline.tv_nsec) / 1e9 + lockWaitSeconds
        var pause: UInt32 = 1000
        while flock(lockDescriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                throw .storage(
                    .writeFailed(path: location.path, reason: FileSystem.Failure("cannot lock", lockPath).description))
            }
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            guard Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 < end else {
                throw .storage(.busy(path: lockPath, seconds: lockWaitSeconds))
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
    }

    private func unlock() {
        _ = flock(lockDescriptor, LOCK_UN)
    }
}

/// The file store as a move's target (`migrate`): a whole state written at once, into a place that
/// holds nothing yet.
extension StateStore: StateTransfer {
    package func receive(_ state: OrchestratorState, revision: Int, archived: [ArchivedRequest])
        throws(PersistenceError)
    {
        finishPendingFlush()
        do {
            try FileSystem.createDirectories(location.directory)
        } catch {
            throw StorageError.writeFailed(path: location.path, reason: error.description).persistence
        }
        do { try lock() } catch {
            if case .storage(let problem) = error { throw problem.persistence }
            return
        }
        defer { unlock() }
        let archivedBefore = try self.archived()
        if fileExists || !archivedBefore.isEmpty {
            throw PersistenceError(
                code: "transfer_target_not_empty",
                description:
                    "\(location.path) already holds plans (or its archive does); a move goes into an empty place only. Nothing was written."
            )
        }
        if !archived.isEmpty {
            do { try archive.append(archived) } catch { throw error.persistence }
        }
        var fresh = StateEncoder()
        do { try replacement.write(fresh.encode(state, revision: revision)).release() } catch {
            throw StorageError.writeFailed(path: location.path, reason: error.description).persistence
        }
        cache = nil
        archiveCache = nil
    }
}

/// Why a change did not happen: a rule refused it, or the file could not be used.
package enum StoreFailure: Error, Equatable {
    case refused(OrchestratorError)
    case storage(StorageError)
}

/// The store as the core's persistence port: commits hand back their durability instead of waiting.
extension StateStore: StatePersistence {
    package var storedAt: String { location.path }

    package var exists: Bool { fileExists }

    package func snapshot() throws(PersistenceError) -> StateSnapshot {
        do { return try read() } catch { throw error.persistence }
    }

    package func archived() throws(PersistenceError) -> [ArchivedRequest] {
        // The archive only grows and can be large: it is read again only when its file changed.
        var info = stat()
        let identity = stat(archive.path, &info) == 0 ? FileIdentity(info) : nil
        if let cached = archiveCache, cached.identity == identity { return cached.requests }
        let requests: [ArchivedRequest]
        do { requests = try archive.read() } catch { throw error.persistence }
        archiveCache = (identity, requests)
        return requests
    }

    package func commit<Outcome>(
        _ change: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(ChangeFailure) -> Committed<Outcome> {
        let applied: (outcome: Outcome, snapshot: StateSnapshot, result: FlushResult?)
        do {
            applied = try apply(change)
        } catch {
            switch error {
            case .refused(let refusal): throw .refused(refusal)
            case .storage(let problem): throw .persistence(problem.persistence)
            }
        }
        // The change's own result: a read or another change may finish the flush first, and the
        // failure still reaches this change's caller, and only it.
        let durability =
            applied.result.map { result in
                Durability {
                    self.finishPendingFlush()
                    return result.failure?.persistence
                }
            } ?? .immediate
        return Committed(outcome: applied.outcome, snapshot: applied.snapshot, durability: durability)
    }
}
