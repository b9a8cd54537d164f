internal import OrchestratorSystem

#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// A workflow folder on disk. Files larger than `maximumBytes` are treated as unreadable, so a
/// stray large file cannot make every workflow call slow.
struct DiskWorkflowFiles: WorkflowFiles {
    static let maximumBytes = 1 << 20

    /// The workflow's folder, contained in its workflows directory.
    let folder: ContainedFolder

    /// The file's text, or `nil` when it is missing, too large, not UTF-8, or really lies outside
    /// the workflow's folder (`ContainedFolder`), which would let a definition read any file.
    func text(at relativePath: String) -> String? {
        guard let relative = normalizedRelativePath(relativePath), let path = folder.contained(relative) else {
            return nil
        }
        return Self.read(path)
    }

    static func read(_ path: String) -> String? {
        // Read without blocking, and only a regular file: a FIFO named like a step is not waited on.
        guard let stamp = FileStamp.of(path), stamp.size <= maximumBytes,
            let bytes = try? FileSystem.readRegularFile(path)
        else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
