package import OrchestratorCore
internal import OrchestratorFormat
internal import OrchestratorJSON
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The append-only archive beside the state file (`state.archive.jsonl`): one line per finished
/// request, fsync'd, never rewritten.
///
/// A request moves in two steps under the state file's lock: its line is appended and flushed, then
/// the live file is replaced without it. A kill between the two leaves it in both files; readers
/// therefore take the live file's copy and ignore its archived line, and of several lines for one id
/// the last, so at every moment a reader sees each request exactly once. A line cut short by a kill
/// is skipped, and the next append starts on a new line.
package struct StateArchive: Sendable {
    package let path: String

    package init(statePath: String) {
        path = StateLocation.archivePath(of: statePath)
    }

    /// Appends the requests' lines and flushes them to disk.
    func append(_ requests: [ArchivedRequest]) throws(StorageError) {
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else {
            throw .writeFailed(path: path, reason: FileSystem.Failure("cannot open", path).description)
        }
        defer { close(descriptor) }
        var kind = stat()
        guard fstat(descriptor, &kind) == 0 else {
            throw .writeFailed(path: path, reason: FileSystem.Failure("cannot inspect", path).description)
        }
        do { try FileSystem.requireRegular(mode: UInt32(kind.st_mode), path) } catch {
            throw .writeFailed(path: path, reason: error.description)
        }
        var bytes: [UInt8] = []
        // A line a kill cut short must not swallow the next one.
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size > 0 {
            var last: UInt8 = 0
            if pread(descriptor, &last, 1, info.st_size - 1) == 1, last != 10 { bytes.append(10) }
        }
        for request in requests { bytes += StateEncoder.archiveLine(request) }
        do {
            try FileSystem.writeAll(descriptor, bytes, path: path)
            try FileSystem.synchronize(descriptor, path: path)
            try FileSystem.synchronizeDirectory(ProcessPaths.parent(of: path))
        } catch {
            throw .writeFailed(path: path, reason: error.description)
        }
    }

    /// Every archived request once (the last line of each id), oldest first; lines that do not decode
    /// (one cut short by a kill) are skipped.
    package func read() throws(StorageError) -> [ArchivedRequest] {
        var info = stat()
        if lstat(path, &info) != 0, errno == ENOENT { return [] }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readRegularFile(path) } catch {
            throw .archiveUnreadable(path: path, reason: error.description)
        }
        var order: [WorkRequest.ID] = []
        var byID: [WorkRequest.ID: ArchivedRequest] = [:]
        for line in bytes.split(separator: 10, omittingEmptySubsequences: true) {
            guard let value = try? JSONParser.parse(line), let archived = try? StateDecoder.archived(value) else {
                continue
            }
            if byID[archived.request.id] == nil { order.append(archived.request.id) }
            byID[archived.request.id] = archived
        }
        return order.compactMap { byID[$0] }
    }
}

/// When finished work leaves the live file: after `retentionSeconds` (the launch's choice), on the
/// next change, by the clock the store is given.
package struct ArchivePolicy: Sendable {
    package let retentionSeconds: Int
    package let clock: WallClock

    /// A week: long enough that `status --all` and `list_requests` still show what finished lately
    /// without asking the archive, short enough that a year of use stays out of every write.
    package static let defaultRetentionDays = 7

    package init(retentionSeconds: Int, clock: WallClock = .system) {
        self.retentionSeconds = retentionSeconds
        self.clock = clock
    }
}
