package import OrchestratorCore

/// The state file could not be used. Each case names the path and the problem and says what to do;
/// none of them ever leads to the file being overwritten.
package enum StorageError: Error, Equatable, CustomStringConvertible {
    /// The file exists but cannot be opened or read (permissions, a directory in its place, …).
    case unreadable(path: String, reason: String)
    /// The file is empty, or is not JSON, or is JSON without the expected fields.
    case corrupt(path: String, reason: String)
    /// A newer version of the program wrote it.
    case newerSchema(path: String, found: Int, supported: Int)
    /// Creating the folder, locking, or writing the new version failed; the old file is intact.
    case writeFailed(path: String, reason: String)
    /// Another process held the lock for longer than this store waits; nothing was changed.
    case busy(path: String, seconds: Double)
    /// The archive beside the state file could not be read.
    case archiveUnreadable(path: String, reason: String)

    package var code: String {
        switch self {
        case .unreadable: "state_unreadable"
        case .corrupt: "state_corrupt"
        case .newerSchema: "state_newer_schema"
        case .writeFailed: "state_write_failed"
        case .busy: "state_busy"
        case .archiveUnreadable: "archive_unreadable"
        }
    }

    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "The state file \(path) cannot be read: \(reason). Fix its permissions or point --state elsewhere; nothing was changed."
        case .corrupt(let path, let reason):
            "The state file \(path) is not a valid state document: \(reason). It is left untouched and changes are refused until it is repaired or moved away."
        case .newerSchema(let path, let found, let supported):
            "The state file \(path) has schemaVersion \(found), newer than the \(supported) this version understands. It is left untouched and changes are refused; upgrade mcp-orchestrator."
        case .writeFailed(let path, let reason):
            "Saving the state file \(path) failed: \(reason). The previous version is intact and the change was not made."
        case .busy(let path, let seconds):
            "Another process has held the lock on \(path) for over \(seconds.formatted) s; the change was not made. Try again; a process that died releases its lock by itself."
        case .archiveUnreadable(let path, let reason):
            "The archive \(path) cannot be read: \(reason). The live plans are not affected; fix or move the archive to see finished work again."
        }
    }

    /// The failure as the core's persistence port reports it.
    package var persistence: PersistenceError {
        PersistenceError(code: code, description: description, blocksReads: blocksReads)
    }

    /// Whether reads may still be served from what the file holds (only a newer schema that still decodes).
    package var blocksReads: Bool {
        switch self {
        case .newerSchema: false
        case .unreadable, .corrupt, .writeFailed, .busy, .archiveUnreadable: true
        }
    }
}

extension Double {
    /// `10` for whole numbers, else one decimal (`0.5`).
    fileprivate var formatted: String {
        self == rounded() ? String(Int(self)) : String((self * 10).rounded() / 10)
    }
}
