internal import OrchestratorCore

/// The files of one workflow folder, by path relative to it. The parser reads only through this,
/// so tests give it inline Markdown and the library gives it the disk.
package protocol WorkflowFiles {
    /// The text of the file, or `nil` when there is no such file (or it cannot be read as UTF-8).
    func text(at relativePath: String) -> String?
}

/// Inline files, for tests and for checking a definition before `create_workflow` writes it.
package struct InMemoryWorkflowFiles: WorkflowFiles {
    package let files: [String: String]

    package init(_ files: [String: String]) { self.files = files }

    package func text(at relativePath: String) -> String? { files[relativePath] }
}

/// Folds `a/./b/../c` into `a/c`. Returns `nil` for absolute paths and for paths that climb out of
/// the folder, so no include or step link can read outside its workflow.
package func normalizedRelativePath(_ path: String) -> String? {
    guard !path.hasPrefix("/"), !path.contains("\0") else { return nil }
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        switch part {
        case ".": continue
        case "..":
            guard !parts.isEmpty else { return nil }
            parts.removeLast()
        default: parts.append(part)
        }
    }
    return parts.isEmpty ? nil : parts.joined(separator: "/")
}
