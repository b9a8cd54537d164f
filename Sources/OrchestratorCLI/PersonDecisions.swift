internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

/// What waits for the person (`PersonQueue`), and the commands that decide it: done tasks (approve,
/// or reject with feedback) and requests whose tasks are all approved (approve-request). One line for
/// each thing, then the commands once, naming the ones waiting; the commands name the state file when
/// the person gave `--state`, and the store when `--store`, so they reach the same plans.
enum PersonDecisions {
    /// One thing waiting: a task to decide, or a request to close.
    struct Waiting {
        /// The task to decide, or `nil` for a request to close.
        let task: WorkTask.ID?
        let request: WorkRequest.ID
        let subject: String
    }

    static func waiting(in requests: [WorkRequest]) -> [Waiting] {
        PersonQueue.items(in: requests).map { item in
            switch item {
            case .decide(let task, let request):
                Waiting(task: task.id, request: request.id, subject: "\(task.id) of \(request.id), done: \(task.title)")
            case .close(let request):
                Waiting(
                    task: nil, request: request.id,
                    subject: "\(request.id), every task approved: \(request.originalRequest)")
            }
        }
    }

    /// Each thing on a line of its own, cut to the terminal's width, then the commands that decide
    /// them, once, wrapped as the shell reads them (a line ending in `\` goes on).
    static func lines(_ waiting: [Waiting], arguments: CommandLineArguments, width: Int?, indent: String) -> [String] {
        var lines = waiting.map { item in
            let subject = indent + item.subject.showingControlCharacters(keepingLines: false)
            return width.map { subject.cut(to: $0) } ?? subject
        }
        for words in commands(for: waiting, arguments: arguments, width: width, indent: indent + "  ") {
            lines += ShellQuoting.lines(words, width: width, lead: indent + "  ", continuation: indent + "    ")
        }
        if !waiting.isEmpty, let note = storeNote(arguments) { lines.append(indent + "  " + note) }
        return lines
    }

    /// The `--store` the commands repeat so they reach the same store: as given, unless a password is
    /// written in it, which is never printed (`storeNote` then asks for it).
    static func repeatedStore(_ arguments: CommandLineArguments) -> String? {
        guard let store = arguments.options["--store"], ConnectionString(store)?.holdsPassword != true else {
            return nil
        }
        return store
    }

    /// Said under the commands when they could not repeat a `--store` that holds a password.
    static func storeNote(_ arguments: CommandLineArguments) -> String? {
        guard arguments.options["--store"] != nil, repeatedStore(arguments) == nil else { return nil }
        return
            "(each with your --store, which holds a password and is not repeated here; MCP_ORCHESTRATOR_STORE keeps it off the command line)"
    }

    /// At most this many tasks are named in the approve command.
    static let namedLimit = 20

    /// The commands for what waits: approve naming every task (or `TASK_ID...` past `namedLimit`),
    /// reject, and approve-request.
    static func commands(
        for waiting: [Waiting], arguments: CommandLineArguments, width: Int? = nil, indent: String = ""
    ) -> [[String]] {
        let tasks = waiting.compactMap(\.task).map(\.rawValue)
        let requests = waiting.filter { $0.task == nil }.map(\.request.rawValue)
        let state =
            (arguments.options["--state"].map { ["--state", $0] } ?? [])
            + (repeatedStore(arguments).map { ["--store", $0] } ?? [])
        var commands: [[String]] = []
        if !tasks.isEmpty {
            // Every waiting task, wrapped over lines when it must; past a screenful, the form to fill in.
            commands.append(
                ["mcp-orchestrator", "approve"] + (tasks.count <= Self.namedLimit ? tasks : ["TASK_ID..."]) + state)
            commands.append(
                ["mcp-orchestrator", "reject", tasks.count == 1 ? tasks[0] : "TASK_ID", "--feedback", "what to change"]
                    + state)
        }
        if !requests.isEmpty {
            commands.append(
                ["mcp-orchestrator", "approve-request", requests.count == 1 ? requests[0] : "REQUEST_ID"] + state)
        }
        return commands
    }
}
