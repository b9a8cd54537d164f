package import OrchestratorCore
internal import OrchestratorSystem

/// Records what each task changes in the working tree a server runs in: a snapshot when a task is
/// claimed, another when it is marked done, and the difference between them as the task's evidence.
///
/// Snapshots are kept under `refs/mcp-orchestrator/<state>/<task>/<round>/start|end` (never pushed by
/// the default refspecs; `git push --mirror` would carry them), so `git gc` keeps them. Anything that
/// goes wrong becomes a sentence on the evidence, never a failure of the tool call.
package final class EvidenceRecorder: Sendable {
    private let directory: String
    private let environment: [String: String]
    /// Tells apart the tasks of two state files kept in one repository.
    private let namespace: String
    /// The working tree, found on first use (a server outside any repository spawns git once).
    private let tree = Locked<Result<Git, Git.Failure>?>(nil)

    /// The empty tree: the start of a round no snapshot began, in a repository without commits.
    private static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    package init(workingDirectory: String, statePath: String, environment: [String: String]) {
        self.directory = workingDirectory
        self.environment = environment
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in statePath.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        namespace = String(String(hash, radix: 16).prefix(8))
    }

    private var git: Result<Git, Git.Failure> {
        tree.withLock { found in
            if let found { return found }
            let made = Git.workTree(containing: directory, environment: environment)
            found = made
            return made
        }
    }

    /// The ref of a round's snapshot.
    package func ref(_ task: WorkTask.ID, round: Int, end: Bool) -> String {
        "\(taskPrefix(task))\(round)/\(end ? "end" : "start")"
    }

    private func taskPrefix(_ task: WorkTask.ID) -> String {
        let safe = String(
            task.rawValue.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) ? $0 : "_" })
        return "refs/mcp-orchestrator/\(namespace)/\(safe)/"
    }

    /// The round of `task` under way, as this tree's refs tell it: the last round begun here, or the
    /// one after it when it ended; 1 when none began here.
    package func roundUnderWay(_ task: WorkTask.ID) -> Int {
        guard case .success(let git) = git,
            case .success(let listing) = git.run(["for-each-ref", "--format=%(refname)", taskPrefix(task)])
        else { return 1 }
        var last = 0
        var ended = false
        for ref in listing.split(separator: "\n") {
            let parts = ref.dropFirst(taskPrefix(task).count).split(separator: "/")
            guard parts.count == 2, let round = Int(parts[0]) else { continue }
            if round > last {
                (last, ended) = (round, parts[1] == "end")
            } else if round == last, parts[1] == "end" {
                ended = true
            }
        }
        return last == 0 ? 1 : ended ? last + 1 : last
    }

    /// A task was claimed for a round of work: the tree as it is now.
    package func begin(_ task: WorkTask.ID, round: Int) {
        guard case .success(let git) = git else { return }
        _ = Snapshot.take(in: git, ref: ref(task, round: round, end: false), message: "\(task) round \(round) start")
    }

    /// A task is being marked done: the tree now, against the round's start.
    /// - Parameter others: the other tasks in progress, named when their own rounds began in this tree.
    package func finish(_ task: WorkTask.ID, round: Int, others: [WorkTask.ID]) -> TaskEvidence {
        let git: Git
        switch self.git {
        case .failure(let failure):
            return TaskEvidence(round: round, start: nil, end: nil, files: [], notes: [failure.description])
        case .success(let found): git = found
        }
        var notes: [String] = []
        let start: String
        if case .success(let found) = git.run(["rev-parse", "--verify", "-q", ref(task, round: round, end: false)]) {
            start = found.trimmingLineEnd
        } else if round > 1,
            case .success(let found) = git.run(["rev-parse", "--verify", "-q", ref(task, round: round - 1, end: true)])
        {
            // Work sent back goes on from where the last round was marked done: this round is what
            // came after it.
            start = found.trimmingLineEnd
        } else {
            notes.append(
                "No snapshot was taken when this round began (the task was claimed by another server or before evidence was recorded), so the change is shown against the last commit and includes any uncommitted work from before."
            )
            if case .success(let head) = git.run(["rev-parse", "--verify", "-q", "HEAD^{commit}"]) {
                start = head.trimmingLineEnd
            } else {
                start = Self.emptyTree
            }
        }
        let snapshot: Snapshot
        switch Snapshot.take(in: git, ref: ref(task, round: round, end: true), message: "\(task) round \(round) end") {
        case .failure(let failure):
            return TaskEvidence(
                round: round, start: start, end: nil, files: [], notes: notes + [failure.description],
                workTree: git.top)
        case .success(let taken): snapshot = taken
        }
        let files: [TaskEvidence.FileChange]
        switch Snapshot.files(in: git, from: start, to: snapshot.commit) {
        case .success(let found): files = found
        case .failure(let failure):
            return TaskEvidence(
                round: round, start: start, end: snapshot.commit, files: [], notes: notes + [failure.description],
                workTree: git.top)
        }
        for (path, bytes) in snapshot.leftOut {
            notes.append("\(path) (\(bytes >> 20) MiB) is listed, not stored: untracked files over 5 MiB are left out.")
        }
        if !others.isEmpty,
            case .success(let refs) = git.run([
                "for-each-ref", "--format=%(refname)", "refs/mcp-orchestrator/\(namespace)/",
            ])
        {
            for other in others where other != task && refs.contains(taskPrefix(other)) {
                notes.append("\(other) was also in progress in this tree; its changes may be here.")
            }
        }
        return TaskEvidence(
            round: round, start: start, end: snapshot.commit, files: files, notes: notes, workTree: git.top)
    }

    /// Lets go of the snapshots of `archived` tasks (their requests moved to the archive after the
    /// retention), so `git gc` may collect them. Only tasks known to be archived: a task planned by
    /// another process a moment ago is not in anyone's list yet, and keeps its snapshot. Returns how
    /// many refs were deleted.
    @discardableResult
    package func release(archived: Set<WorkTask.ID>) -> Int {
        guard case .success(let git) = git,
            case .success(let listing) = git.run([
                "for-each-ref", "--format=%(refname)", "refs/mcp-orchestrator/\(namespace)/",
            ])
        else { return 0 }
        let gone = Set(archived.map(taskPrefix))
        var released = 0
        for ref in listing.split(separator: "\n").map(String.init) where gone.contains(where: ref.hasPrefix) {
            if case .success = git.run(["update-ref", "-d", ref]) { released += 1 }
        }
        return released
    }

    /// How a patch is printed.
    package enum PatchFormat: Sendable {
        case plain, coloured
        /// The files with their lines added and removed.
        case stat
    }

    /// The unified diff a task's evidence records, or why it cannot be read: from git for the server's
    /// own evidence, from the patches kept beside the state file at `statePath` for a bridge's.
    package static func patch(
        of evidence: TaskEvidence, format: PatchFormat = .plain, environment: [String: String], statePath: String
    ) -> Result<String, Git.Failure> {
        if evidence.source == .bridge {
            return BridgePatches(statePath: statePath).patch(of: evidence).map { patch in
                switch format {
                case .plain: patch
                case .coloured: Self.coloured(patch)
                case .stat: Self.stat(evidence.files)
                }
            }
        }
        guard let start = evidence.start, let end = evidence.end, let top = evidence.workTree else {
            return .failure(Git.Failure(description: evidence.notes.first ?? "no change was recorded"))
        }
        return Snapshot.patch(in: Git(top: top, environment: environment), from: start, to: end, format: format)
    }

    /// The patch of a task's evidence, one part per file, for the person at the gate; empty when it
    /// cannot be read (the evidence's notes and summary still say what is known).
    /// A snapshot pair's patch never changes, so views drawn again and again (the board's event
    /// streams) read each from git once; the cache keeps the last 200.
    package static func diffs(
        of evidence: TaskEvidence, environment: [String: String], statePath: String, lineLimit: Int = 400
    ) -> [FileDiff] {
        guard let start = evidence.start, let end = evidence.end else { return [] }
        let key = "\(evidence.source.rawValue) \(start)..\(end)/\(lineLimit)"
        if let known = diffCache.withLock({ $0.files[key] }) { return known }
        guard case .success(let patch) = patch(of: evidence, environment: environment, statePath: statePath)
        else { return [] }
        let files = PatchReader.files(patch, lineLimit: lineLimit)
        diffCache.withLock { cache in
            if cache.files[key] == nil { cache.order.append(key) }
            cache.files[key] = files
            if cache.order.count > 200 { cache.files[cache.order.removeFirst()] = nil }
        }
        return files
    }

    /// A kept patch coloured as git colours one on a terminal: headers bold, hunks cyan, lines added
    /// green and removed red.
    private static func coloured(_ patch: String) -> String {
        patch.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let colour: String? =
                if line.hasPrefix("diff --git") || line.hasPrefix("+++ ") || line.hasPrefix("--- ") {
                    "1"
                } else if line.hasPrefix("@@") { "36" } else if line.hasPrefix("+") { "32" } else if line.hasPrefix("-")
                { "31" } else { nil }
            return colour.map { "\u{1B}[\($0)m\(line)\u{1B}[m" } ?? String(line)
        }.joined(separator: "\n")
    }

    /// The files with their lines, as `git diff --stat` lists them, from the evidence's own counts.
    private static func stat(_ files: [TaskEvidence.FileChange]) -> String {
        let width = files.map(\.path.count).max() ?? 0
        let lines = files.map { file in
            " " + file.path + String(repeating: " ", count: width - file.path.count) + " | "
                + (file.added.map { "+\($0) −\(file.removed ?? 0)" } ?? "binary")
        }
        let added = files.reduce(0) { $0 + ($1.added ?? 0) }
        let removed = files.reduce(0) { $0 + ($1.removed ?? 0) }
        return
            (lines + [
                " \(files.count) file\(files.count == 1 ? "" : "s") changed, \(added) insertions(+), \(removed) deletions(-)"
            ]).joined(separator: "\n") + "\n"
    }

    private static let diffCache = Locked<(files: [String: [FileDiff]], order: [String])>(([:], []))
}
