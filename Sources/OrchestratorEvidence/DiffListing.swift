internal import OrchestratorCore

/// `git diff-tree -z --numstat` and `--name-status`, read together: the first gives each file's lines
/// (`-` for binary files), the second what happened to it; both list the files in the same order.
enum DiffListing {
    static func files(numstat: [UInt8], nameStatus: [UInt8]) -> [TaskEvidence.FileChange] {
        let counts = lines(numstat)
        var kinds = fields(nameStatus)[...]
        var changes: [TaskEvidence.FileChange] = []
        for count in counts {
            guard let status = kinds.popFirst(), let kind = status.first else { break }
            var previous: String?
            var path = kinds.popFirst() ?? ""
            if kind == "R" || kind == "C" {
                previous = path
                path = kinds.popFirst() ?? ""
            }
            let mapped: TaskEvidence.FileChange.Kind =
                switch kind {
                case "A", "C": .added
                case "D": .deleted
                case "R": .renamed
                default: .modified
                }
            changes.append(
                TaskEvidence.FileChange(
                    path: path, previousPath: previous, kind: mapped, added: count.added, removed: count.removed))
        }
        return changes
    }

    /// Each file's lines added and removed, `nil` for a binary file. A rename's entry is
    /// `added\tremoved\t\0old\0new\0`; any other `added\tremoved\tpath\0`.
    private static func lines(_ bytes: [UInt8]) -> [(added: Int?, removed: Int?)] {
        var result: [(Int?, Int?)] = []
        var items = fields(bytes)[...]
        while let item = items.popFirst() {
            let parts = item.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2 else { continue }
            result.append((Int(parts[0]), Int(parts[1])))
            // A rename carries its two paths as the next two fields.
            if parts.count == 3, parts[2].isEmpty {
                _ = items.popFirst()
                _ = items.popFirst()
            }
        }
        return result
    }

    private static func fields(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}
