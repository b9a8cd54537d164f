package import OrchestratorCore
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a project's trusted checks on a task's round of work once it is marked done, in the background
/// in the working tree the server runs in: each check in a process group of its own, its timeout
/// enforced, its output kept (the whole log beside the state file, owner-only; the tail in the task),
/// with a minimal environment. The results go in through an orchestrator of the runner's own, over a
/// store of its own, as another process's would, so a waiting `get_next_task` sees them at once.
package final class ChecksRunner: Sendable {
    private let directory: String
    private let statePath: String
    private let environment: [String: String]
    private let trust: ChecksTrust?
    /// A fresh orchestrator over a store of the runner's own (the server's store belongs to its loop).
    private let orchestrator: @Sendable () -> Orchestrator
    private let tree = Locked<String??>(nil)
    /// Results being recorded: an exiting server lets them land, and lets whom they concern be told.
    private let recording = Locked(0)

    package init(
        workingDirectory: String, statePath: String, environment: [String: String], userData: String?,
        orchestrator: @escaping @Sendable () -> Orchestrator
    ) {
        self.directory = workingDirectory
        self.statePath = statePath
        self.environment = environment
        self.trust = userData.map(ChecksTrust.init)
        self.orchestrator = orchestrator
    }

    /// The top of the working tree (the folder itself outside git).
    private var top: String {
        tree.withLock { found in
            if let found, let top = found { return top }
            let top = (try? Git.workTree(containing: directory, environment: environment).get())?.top ?? directory
            found = .some(top)
            return top
        }
    }

    /// This process, as `pid:start`, so another can tell whether it still runs.
    package static var me: String {
        let pid = getpid()
        return "\(pid):\(ProcessRecord.of(pid)?.startTime ?? 0)"
    }

    /// What marking a round done starts: the checks running, or why none run; `nil` without checks.
    package func plan(round: Int) -> TaskChecks? {
        guard let loaded = ProjectChecks.load(top: top) else { return nil }
        switch loaded {
        case .failure(let problem):
            return TaskChecks(round: round, runs: [], note: "The checks were not run: \(problem.description).")
        case .success(let project):
            guard let trust, trust.trusts(project.path, digest: project.digest) else {
                return TaskChecks(
                    round: round, runs: [],
                    note:
                        "The checks were not run: \(project.path) is not trusted, or changed since it was; the person reads it and runs `mcp-orchestrator checks trust` in \(project.top)."
                )
            }
            guard !project.checks.isEmpty else { return nil }
            return TaskChecks(
                round: round,
                runs: project.checks.map { .init(name: $0.name, required: $0.required, status: .running) },
                runner: Self.me)
        }
    }

    /// Runs the round's checks on a thread of its own and records their results. The file is read
    /// again there, so what runs is checked against the person's trust again: a file swapped since
    /// `plan` runs nothing, and says so.
    package func start(_ task: WorkTask.ID, _ checks: TaskChecks) {
        guard checks.isRunning else { return }
        DetachedThread.start { [self] in
            var results = checks
            results.runner = Self.me
            switch ProjectChecks.load(top: top) {
            case .success(let project)? where trust?.trusts(project.path, digest: project.digest) == true:
                // Each check's result is recorded as it ends, so the person's views follow them.
                for (index, run) in checks.runs.enumerated() where run.status == .running {
                    guard let check = project.checks.first(where: { $0.name == run.name }) else { continue }
                    results.runs[index] = perform(check, for: task, round: checks.round, index: index)
                    if results.isRunning { record(task, results) }
                }
            case .success(let project)?:
                results = TaskChecks(
                    round: checks.round, runs: [],
                    note: "The checks were not run: \(project.path) changed after it was trusted.")
            case .failure(let problem)?:
                results = TaskChecks(
                    round: checks.round, runs: [], note: "The checks were not run: \(problem.description).")
            case nil:
                results = TaskChecks(round: checks.round, runs: [], note: "The checks were not run: the file is gone.")
            }
            record(task, results)
        }
    }

    /// Records results, counted until they are on disk and the person's notify command has been handed
    /// what they caused.
    private func record(_ task: WorkTask.ID, _ results: TaskChecks) {
        recording.withLock { $0 += 1 }
        defer { recording.withLock { $0 -= 1 } }
        _ = try? orchestrator().recordChecks(task, results).durable()
    }

    /// Waits for results being recorded (a server that exits lets checks still running be interrupted,
    /// and run again by the next one; results it has are never half told).
    package func finishRecording() {
        while recording.withLock({ $0 }) > 0 { usleep(5_000) }
    }

    /// Checks left running by a server that stopped before they ended are reported as interrupted and
    /// run again here.
    package func resume(in state: OrchestratorState) {
        for request in state.requests {
            for task in request.tasks where task.status == .done {
                guard var checks = task.checks, checks.isRunning, !Self.runs(checks.runner) else { continue }
                for index in checks.runs.indices where checks.runs[index].status == .running {
                    checks.runs[index].status = .interrupted
                }
                checks.runner = nil
                record(task.id, checks)
                var again = checks
                for index in again.runs.indices where again.runs[index].status == .interrupted {
                    again.runs[index].status = .running
                }
                again.runner = Self.me
                record(task.id, again)
                start(task.id, again)
            }
        }
    }

    /// Whether the process `pid:start` still runs.
    private static func runs(_ runner: String?) -> Bool {
        guard let parts = runner?.split(separator: ":"), parts.count == 2, let pid = Int32(parts[0]),
            let start = UInt64(parts[1]), let record = ProcessRecord.of(pid)
        else { return false }
        return record.startTime == start
    }

    /// One check, run to its end, with its log kept beside the state file.
    private func perform(_ check: ProjectChecks.Check, for task: WorkTask.ID, round: Int, index: Int)
        -> TaskChecks.Run
    {
        let folder = top + (check.directory == "." ? "" : "/" + check.directory)
        var base = ["PATH": environment["PATH"] ?? "/usr/bin:/bin", "LANG": environment["LANG"] ?? "C.UTF-8"]
        base["HOME"] = environment["HOME"]
        let process = ChildProcess(
            check.run, environment: base, directory: folder, timeoutSeconds: Double(check.timeoutSeconds),
            outputLimit: 1 << 20)
        var run = TaskChecks.Run(name: check.name, required: check.required, status: .running)
        do {
            let result = try process.run()
            let output = result.output + result.errors
            keepLog(output, task: task, round: round, index: index)
            run.milliseconds = Int(result.milliseconds)
            run.tail = Self.tail(output)
            switch result.ending {
            case .exited(let status):
                run.exitStatus = Int(status)
                run.status = status == 0 ? .passed : .failed
            case .signalled(let signal):
                run.exitStatus = 128 + Int(signal)
                run.status = .failed
            case .timedOut:
                run.status = .timedOut
            }
        } catch {
            run.status = .failed
            run.exitStatus = -1
            run.tail = error.description
        }
        return run
    }

    /// The last 20 lines, at most 2,000 characters.
    private static func tail(_ output: [UInt8]) -> String? {
        let text = String(decoding: output, as: UTF8.self)
        guard !text.isEmpty else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).suffix(21).joined(separator: "\n")
        return String(lines.suffix(2000)).trimmingCharacters(in: "\n")
    }

    private func keepLog(_ output: [UInt8], task: WorkTask.ID, round: Int, index: Int) {
        let folder = statePath + ".checks"
        try? FileSystem.createDirectories(folder)
        chmod(folder, 0o700)
        let safe = String(task.rawValue.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        try? FileSystem.replaceSmallFile("\(folder)/\(safe)-round\(round)-check\(index + 1).log", with: output)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.last == set { text.removeLast() }
        while text.first == set { text.removeFirst() }
        return String(text)
    }
}
