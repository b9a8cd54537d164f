package import OrchestratorCore
package import OrchestratorJSON

/// What the `connect` bridge attaches to `mark_task_done` (in `params._meta`, under `key`) when the
/// server is not in the agent's working tree: the round, the two snapshots' commit ids, the files
/// with their lines, the notes, and the patch, cut after `patchLimit` bytes (the lines left out
/// counted). The server records it as evidence taken by the agent's bridge: it could not see it happen.
package struct BridgeAttachment: Sendable, Equatable {
    /// The `_meta` key (a reverse-DNS prefix of the project's own, as the protocol asks).
    package static let key = "dev.mcp-orchestrator/evidence"
    /// The most of the patch a bridge sends.
    package static let patchLimit = 512 << 10

    package let evidence: TaskEvidence
    package let patch: String
    /// Lines of the patch left out after the limit.
    package let linesLeftOut: Int

    package init(evidence: TaskEvidence, patch: String) {
        var kept = 0
        var left = 0
        var cutAt = patch.endIndex
        for line in patch.split(separator: "\n", omittingEmptySubsequences: false) {
            if cutAt == patch.endIndex, kept + line.utf8.count + 1 <= Self.patchLimit {
                kept += line.utf8.count + 1
            } else {
                if cutAt == patch.endIndex { cutAt = line.startIndex }
                if !line.isEmpty { left += 1 }
            }
        }
        self.evidence = evidence
        self.patch = String(patch[..<cutAt])
        self.linesLeftOut = left
    }

    private init(evidence: TaskEvidence, patch: String, linesLeftOut: Int) {
        self.evidence = evidence
        self.patch = patch
        self.linesLeftOut = linesLeftOut
    }

    package var json: JSONValue {
        var object: [String: JSONValue] = [
            "round": .int(evidence.round), "files": evidence.filesJSON,
            "notes": .array(evidence.notes.map(JSONValue.string)), "patch": .string(patch),
            "linesLeftOut": .int(linesLeftOut),
        ]
        object["start"] = evidence.start.map(JSONValue.string)
        object["end"] = evidence.end.map(JSONValue.string)
        return .object(object)
    }

    /// What a client attached, read strictly: the evidence as the agent's bridge took it, or what is
    /// wrong with it (named by its field).
    package static func read(_ value: JSONValue) -> Result<BridgeAttachment, Problem> {
        guard case .object(let object) = value else { return .failure(Problem(field: "", expected: "an object")) }
        guard let round = object["round"]?.intValue, round >= 1 else {
            return .failure(Problem(field: "round", expected: "a whole number of at least 1"))
        }
        var commits: [String?] = []
        for name in ["start", "end"] {
            switch object[name] {
            case nil, .null?: commits.append(nil)
            case .string(let id)? where isCommitID(id): commits.append(id)
            default: return .failure(Problem(field: name, expected: "a commit id (40 or 64 hexadecimal digits)"))
            }
        }
        guard case .array(let listed)? = object["files"] else {
            return .failure(Problem(field: "files", expected: "an array"))
        }
        var files: [TaskEvidence.FileChange] = []
        for (index, entry) in listed.enumerated() {
            guard let path = entry["path"]?.stringValue, !path.isEmpty,
                let kind = entry["kind"]?.stringValue.flatMap(TaskEvidence.FileChange.Kind.init(rawValue:))
            else {
                return .failure(
                    Problem(
                        field: "files[\(index)]", expected: "path (text) and kind (added, modified, deleted, renamed)"))
            }
            let added = entry["added"]?.intValue
            let removed = entry["removed"]?.intValue
            guard (added == nil) == (removed == nil), added ?? 0 >= 0, removed ?? 0 >= 0 else {
                return .failure(
                    Problem(
                        field: "files[\(index)]", expected: "added and removed, both counts or both absent (binary)"))
            }
            files.append(
                TaskEvidence.FileChange(
                    path: path, previousPath: entry["previousPath"]?.stringValue, kind: kind, added: added,
                    removed: removed))
        }
        guard case .array(let noted)? = object["notes"], noted.allSatisfy({ $0.stringValue != nil }) else {
            return .failure(Problem(field: "notes", expected: "an array of sentences"))
        }
        guard let patch = object["patch"]?.stringValue, patch.utf8.count <= patchLimit else {
            return .failure(Problem(field: "patch", expected: "text of at most \(patchLimit >> 10) KiB"))
        }
        let left = object["linesLeftOut"]?.intValue ?? 0
        var notes = noted.compactMap(\.stringValue)
        if left > 0 {
            notes.append(
                "The bridge sent the patch cut after \(patchLimit >> 10) KiB; \(left) more lines are in the agent's repository."
            )
        }
        return .success(
            BridgeAttachment(
                evidence: TaskEvidence(
                    round: round, start: commits[0], end: commits[1], files: files, notes: notes, source: .bridge),
                patch: patch, linesLeftOut: left))
    }

    /// A git object id: SHA-1 or SHA-256, in hexadecimal.
    package static func isCommitID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// What is wrong with an attachment.
    package struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        package let field: String
        package let expected: String

        package var description: String {
            "the bridge's evidence could not be read: \(field.isEmpty ? "it" : field) must be \(expected)"
        }
    }
}
