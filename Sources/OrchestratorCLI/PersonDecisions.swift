internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

/// What waits for the person (`PersonQueue`), and the commands that decide it: a done task (approve, or
/// reject with feedback) and a request whose tasks are all approved (approve-request). The commands name the
/// state file when the person gave `--state`, so they reach the same file.
enum PersonDecisions {
    /// One thing waiting: what it is, then each command on a line of its own, whole, so it can be
    /// copied; the first line is cut to the terminal's width, a command never is.
    struct Waiting {
        /// The task to decide, or `nil` for a request to close.
        let task: WorkTask.ID?
        let subject: String
        let commands: [String]

        func lines(indent: String, width: Int?) -> [String] {
            let subject = indent + subject.showingControlCharacters(keepingLines: false)
            return [width.map { subject.cut(to: $0) } ?? subject] + commands.map { indent + "  " + $0 }
        }
    }

    static func waiting(in requests: [WorkRequest], arguments: CommandLineArguments) -> [Waiting] {
        PersonQueue.items(in: requests).map { item in
            switch item {
            case .decide(let task, let request):
                let ids = [request.id.rawValue, task.id.rawValue]
                return Waiting(
                    task: task.id, subject: "\(task.id) of \(request.id), done: \(task.title)",
                    commands: [
                        command(["approve"] + ids, arguments),
                        command(["reject"] + ids + ["--feedback", "what to change"], arguments),
                    ])
            case .close(let request):
                return Waiting(
                    task: nil, subject: "\(request.id), every task approved: \(request.originalRequest)",
                    commands: [command(["approve-request", request.id.rawValue], arguments)])
            }
        }
    }

    /// `mcp-orchestrator …`, quoted for a POSIX shell, with `--state` when the person gave it.
    static func command(_ words: [String], _ arguments: CommandLineArguments) -> String {
        let state = arguments.options["--state"].map { ["--state", $0] } ?? []
        return ShellQuoting.line(["mcp-orchestrator"] + words + state)
    }
}
