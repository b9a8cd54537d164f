package import OrchestratorCore
package import OrchestratorSystem

/// The patches agents' bridges sent with their evidence, kept beside the state file, owner-only
/// (`STATE.evidence/COMMIT.patch`, named by the round's end snapshot, which the server checked is a
/// commit id): the server is not in the agent's tree, so it keeps what it was shown.
package struct BridgePatches: Sendable {
    package let folder: String

    package init(statePath: String) {
        folder = statePath + ".evidence"
    }

    private func path(_ end: String) -> String? {
        BridgeAttachment.isCommitID(end) ? "\(folder)/\(end).patch" : nil
    }

    /// Keeps the patch of the round that ended at `end`.
    package func keep(_ patch: String, end: String) throws(FileSystem.Failure) {
        guard let path = path(end) else { return }
        try FileSystem.createDirectories(folder)
        try FileSystem.replaceSmallFile(path, with: Array(patch.utf8))
    }

    /// The patch kept for bridge evidence, or why there is none.
    package func patch(of evidence: TaskEvidence) -> Result<String, Git.Failure> {
        guard let end = evidence.end, let path = path(end),
            let bytes = try? FileSystem.readRegularFile(path)
        else {
            return .failure(
                Git.Failure(description: evidence.notes.first ?? "the patch the agent's bridge sent is not kept here"))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
