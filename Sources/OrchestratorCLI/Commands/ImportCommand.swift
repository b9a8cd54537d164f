internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `import taskmaster PATH`: Task Master's tasks file, as requests of this state file, in one change.
struct ImportCommand: CLICommand {
    let name = "import"
    let summary = "Import Task Master's tasks.json: each tag a request, in one change."
    let usage = "import taskmaster PATH [--state PATH]"
    let details = """
        Reads .taskmaster/tasks/tasks.json (tagged or untagged): each tag becomes a request, each task and subtask a
        task titled with its Task Master id ("7.2 …"), with its dependencies; a parent task waits for its subtasks.
        Statuses map onto ours, and the history says so: pending stays pending, review is done (awaiting approval),
        done is approved, cancelled is deleted (restorable); in-progress and deferred become pending. Whatever has
        no counterpart is listed. The whole file is one change under the lock: an unknown dependency or a cycle
        refuses it all, and nothing is written.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let words: [String]
        do { words = try arguments.positionals(["FORMAT", "PATH"]) } catch { throw .usage(error.description) }
        guard words[0] == "taskmaster" else { throw .usage("the only format is taskmaster, not '\(words[0])'") }
        let path = words[1].hasPrefix("/") ? words[1] : context.workingDirectory + "/" + words[1]
        let bytes: [UInt8]
        do { bytes = try FileSystem.readRegularFile(path) } catch { throw .io(error.description) }
        let file: TaskmasterFile
        do {
            file = try TaskmasterFile(try JSONParser.parse(bytes))
        } catch let problem as TaskmasterFile.Problem {
            throw .refused("\(path): \(problem.description); nothing was imported")
        } catch {
            throw .refused("\(path) is not JSON: \(error); nothing was imported")
        }
        let access = try StateAccess(arguments, context: context)
        let requests = file.requests.map { ($0.originalRequest, Optional($0.splitDetails), $0.tasks) }
        let ids: [WorkRequest.ID]
        do {
            (ids, _) = try access.perform { (orchestrator) throws(ChangeFailure) in
                try orchestrator.importRequests(requests, by: TaskmasterFile.actor)
            }
        } catch {
            if case .io = error { throw error }
            throw .refused("\(path): \(error.message); nothing was imported")
        }
        var lines: [String] = []
        for (request, id) in zip(file.requests, ids) {
            lines.append("Tag '\(request.tag)' is \(id): \(request.tasks.count) tasks.")
        }
        if !file.report.isEmpty {
            lines.append("Without a counterpart here:")
            lines += file.report.map { "  " + $0 }
        }
        context.writeOut(lines.joined(separator: "\n") + "\n")
        return 0
    }
}
