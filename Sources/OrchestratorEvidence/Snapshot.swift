package import OrchestratorCore
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The working tree as it is now, recorded as a git commit without touching the person's index,
/// working tree, stash, branches or HEAD: the tracked and untracked files (`.gitignore` honoured) are
/// added to a copy of the person's index (so unchanged files are not hashed again), written as a
/// tree, and committed on top of HEAD under a ref of the server's own.
package struct Snapshot: Sendable {
    /// Untracked files larger than this are listed, not stored.
    package static let largestStoredFile = 5 << 20

    /// The commit, and the untracked files left out for their size.
    package let commit: String
    package let leftOut: [(path: String, bytes: Int)]

    /// Takes the snapshot and keeps it under `ref`.
    package static func take(in git: Git, ref: String, message: String) -> Result<Snapshot, Git.Failure> {
        let gitPath: (String) -> String? = { name in
            guard case .success(let path) = git.run(["rev-parse", "--git-path", name]) else { return nil }
            let trimmed = path.trimmingLineEnd
            return trimmed.hasPrefix("/") ? trimmed : git.top + "/" + trimmed
        }
        guard let personsIndex = gitPath("index") else {
            return .failure(Git.Failure(description: "the repository's index could not be found"))
        }
        let temporary = personsIndex + ".mcp-orchestrator-\(getpid())-" + Secret.hex().prefix(8)
        defer { unlink(temporary) }
        // A copy keeps the person's stat information, so only files changed since are hashed again.
        if let bytes = try? FileSystem.readRegularFile(personsIndex) {
            guard Self.writeNew(temporary, bytes) else {
                return .failure(
                    Git.Failure(description: "a temporary index could not be written beside \(personsIndex)"))
            }
        }
        let index = ["GIT_INDEX_FILE": temporary]
        var leftOut: [(String, Int)] = []
        if case .success(let untracked) = git.run(["ls-files", "-z", "--others", "--exclude-standard"], extra: index) {
            for path in untracked.split(separator: "\0").map(String.init) {
                var info = stat()
                if lstat(git.top + "/" + path, &info) == 0, Int(info.st_size) > largestStoredFile {
                    leftOut.append((path, Int(info.st_size)))
                }
            }
        }
        let exclusions = leftOut.map { ":(exclude,literal)\($0.0)" }
        if case .failure(let failure) = git.run(["add", "-A", "--", ":/"] + exclusions, extra: index) {
            return .failure(failure)
        }
        let tree: String
        switch git.run(["write-tree"], extra: index) {
        case .success(let text): tree = text.trimmingLineEnd
        case .failure(let failure): return .failure(failure)
        }
        var commitArguments = ["commit-tree", tree, "-m", message]
        if case .success(let head) = git.run(["rev-parse", "--verify", "-q", "HEAD^{commit}"]) {
            commitArguments += ["-p", head.trimmingLineEnd]
        }
        let identity = [
            "GIT_AUTHOR_NAME": "mcp-orchestrator", "GIT_AUTHOR_EMAIL": "mcp-orchestrator@localhost",
            "GIT_COMMITTER_NAME": "mcp-orchestrator", "GIT_COMMITTER_EMAIL": "mcp-orchestrator@localhost",
        ]
        let commit: String
        switch git.run(commitArguments, extra: identity) {
        case .success(let text): commit = text.trimmingLineEnd
        case .failure(let failure): return .failure(failure)
        }
        if case .failure(let failure) = git.run(["update-ref", ref, commit]) { return .failure(failure) }
        return .success(Snapshot(commit: commit, leftOut: leftOut))
    }

    /// The files that differ between two snapshots, renames found, with their lines added and removed.
    package static func files(in git: Git, from start: String, to end: String) -> Result<
        [TaskEvidence.FileChange], Git.Failure
    > {
        let numbers: [UInt8]
        let names: [UInt8]
        switch git.runBytes(["diff-tree", "-r", "-M", "--numstat", "-z", start, end]) {
        case .success(let bytes): numbers = bytes
        case .failure(let failure): return .failure(failure)
        }
        switch git.runBytes(["diff-tree", "-r", "-M", "--name-status", "-z", start, end]) {
        case .success(let bytes): names = bytes
        case .failure(let failure): return .failure(failure)
        }
        return .success(DiffListing.files(numstat: numbers, nameStatus: names))
    }

    /// The unified diff between two snapshots (renames found), as git writes it.
    package static func patch(
        in git: Git, from start: String, to end: String, format: EvidenceRecorder.PatchFormat = .plain
    ) -> Result<String, Git.Failure> {
        let style: [String] =
            switch format {
            case .plain: ["--no-color"]
            case .coloured: ["--color=always"]
            case .stat: ["--no-color", "--stat"]
            }
        return git.run(["diff", "-M", "--no-ext-diff"] + style + [start, end])
    }

    /// Writes a new owner-only file; `false` when it cannot.
    private static func writeNew(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}
