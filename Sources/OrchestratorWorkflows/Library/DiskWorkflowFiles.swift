#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// A workflow folder on disk. Files larger than `maximumBytes` are treated as unreadable, so a
/// stray large file cannot make every workflow call slow.
struct DiskWorkflowFiles: WorkflowFiles {
    static let maximumBytes = 1 << 20

    let root: String

    /// The file's text, or `nil` when it is missing, too large, not UTF-8, or a symbolic link that
    /// leads outside the workflow's folder (which would let a definition read any file).
    func text(at relativePath: String) -> String? {
        guard let relative = normalizedRelativePath(relativePath) else { return nil }
        let path = "\(root)/\(relative)"
        guard let real = Self.realPath(path), let realRoot = Self.realPath(root), real.hasPrefix(realRoot + "/") else { return nil }
        return Self.read(path)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func read(_ path: String) -> String? {
        guard let stamp = FileStamp.of(path), stamp.size <= maximumBytes,
              let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
