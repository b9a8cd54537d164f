internal import Foundation

/// A workflow folder on disk. Files larger than `maximumBytes` are treated as unreadable, so a
/// stray large file cannot make every workflow call slow.
struct DiskWorkflowFiles: WorkflowFiles {
    static let maximumBytes = 1 << 20

    let root: String

    func text(at relativePath: String) -> String? {
        guard let relative = normalizedRelativePath(relativePath) else { return nil }
        return Self.read("\(root)/\(relative)")
    }

    static func read(_ path: String) -> String? {
        guard let stamp = FileStamp.of(path), stamp.size <= maximumBytes,
              let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
