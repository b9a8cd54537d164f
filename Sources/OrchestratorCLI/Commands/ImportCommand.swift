internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

/// `import taskmaster [PATH]`: Task Master's tasks file, as requests of this state file, in one change.
struct ImportCommand: CLICommand {
    let name = "import"
    let summary = "Import Task Master's tasks.json: each tag a request, in one change."
    let usage = "import taskmaster [PATH] [--tag NAME] [--dry-run] [--strict] [--verbose] [--again] [--state PATH]"
    let details = """
        Reads Task Master's tasks file (PATH, else .taskmaster/tasks/tasks.json, else the older tasks/tasks.json),
        tagged or untagged: each tag becomes a request (--tag NAME imports one), each task and subtask a task titled
        with its Task Master id ("7.2 …"), its details, test strategy and acceptance criteria under their own
        headings; a parent task waits for its subtasks. Ids may be numbers, number strings or text; repeated ids
        are renumbered; dependencies the tag lacks are dropped (--strict refuses them). Statuses map onto ours and
        the history says so: pending (and todo) stays pending; in-progress, blocked and deferred become pending;
        review is done, awaiting approval; done (and completed) is approved; cancelled (and deprecated) is deleted,
        restorable. The report counts each mapping and each field kept nowhere, and lists every problem with what was
        done about it (--verbose lists every task). A cycle refuses the whole file, named in Task Master's ids, and
        nothing is written; --dry-run writes nothing either. A file already imported is refused unless --again.
        """
    let valuedOptions: Set<String> = ["--tag"]
    let flagOptions: Set<String> = ["--dry-run", "--strict", "--verbose", "--again"]

    /// Where Task Master keeps its tasks, newest layout first.
    static let defaultPaths = [".taskmaster/tasks/tasks.json", "tasks/tasks.json"]

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let words: [String]
        do { words = try arguments.positionals(["FORMAT", "PATH"], optional: 1) } catch {
            throw .usage(error.description)
        }
        guard words[0] == "taskmaster" else { throw .usage("the only format is taskmaster, not '\(words[0])'") }
        let path = try Self.path(words.count > 1 ? words[1] : nil, in: context.workingDirectory)
        let bytes: [UInt8]
        do { bytes = try FileSystem.readRegularFile(path) } catch { throw .io(error.description) }
        let digest = String(SHA256.hex(bytes).prefix(16))
        let file: TaskmasterFile
        do {
            file = try TaskmasterFile(
                try JSONParser.parse(bytes), only: arguments.options["--tag"],
                strict: arguments.flags.contains("--strict"),
                source: "\(path) (SHA-256 \(digest))")
        } catch let problem as TaskmasterFile.Problem {
            throw .refused("\(path): \(problem.description); nothing was imported")
        } catch {
            throw .refused("\(path) is not JSON: \(error); nothing was imported")
        }
        let report = file.report
        var lines = report.summary
        if arguments.flags.contains("--verbose") {
            lines.append("Tasks:")
            lines += report.tasks.map { "  \($0.tag) \($0.key) (\($0.standing)): \($0.title)" }
        }
        guard report.refusals.isEmpty else {
            context.writeOut(lines.map { $0 + "\n" }.joined())
            throw .refused(
                "\(path): " + report.refusals.joined(separator: "; ") + "; nothing was imported")
        }
        let access = try StateAccess(arguments, context: context)
        if !arguments.flags.contains("--again"), access.fileExists, let state = try? access.read().state {
            let again = file.requests.compactMap { request in
                state.requests.first {
                    $0.splitDetails?.hasSuffix("(SHA-256 \(digest)).") == true
                        && $0.splitDetails?.contains("tag '\(request.tag)' of ") == true
                }.map { "tag '\(request.tag)' is \($0.id) already" }
            }
            if !again.isEmpty {
                throw .refused(
                    "\(path) was imported before, as it is now: \(again.joined(separator: ", ")); --again imports it once more"
                )
            }
        }
        if arguments.flags.contains("--dry-run") {
            let planned = file.requests.map {
                "Tag '\($0.tag)' would be a request of \(TaskmasterReport.count($0.tasks.count, "task"))."
            }
            context.writeOut((planned + lines + ["Nothing was imported (--dry-run)."]).map { $0 + "\n" }.joined())
            return 0
        }
        let requests = file.requests.map { ($0.originalRequest, Optional($0.splitDetails), $0.tasks) }
        let ids: [WorkRequest.ID]
        do {
            (ids, _) = try access.perform(creating: true) { (orchestrator) throws(ChangeFailure) in
                try orchestrator.importRequests(requests, by: TaskmasterFile.actor)
            }
        } catch {
            if case .io = error { throw error }
            throw .refused("\(path): \(error.message); nothing was imported")
        }
        let made = zip(file.requests, ids).map { request, id in
            "Tag '\(request.tag)' is \(id): \(TaskmasterReport.count(request.tasks.count, "task"))."
        }
        context.writeOut((made + lines).map { $0 + "\n" }.joined())
        return 0
    }

    /// The file to read: the one given (relative to the working folder), else the first of Task
    /// Master's layouts that exists.
    static func path(_ given: String?, in folder: String) throws(CLIFailure) -> String {
        if let given { return given.hasPrefix("/") ? given : folder + "/" + given }
        for candidate in defaultPaths where FileSystem.isRegularFile(folder + "/" + candidate) {
            return folder + "/" + candidate
        }
        throw .refused(
            "no Task Master file here: neither \(defaultPaths.joined(separator: " nor ")) exists in \(folder); give its PATH"
        )
    }
}
