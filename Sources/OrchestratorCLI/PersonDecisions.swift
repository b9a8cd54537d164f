internal import OrchestratorCore
internal import OrchestratorSystem

/// What waits for the person (`PersonQueue`), and the command that decides it: a done task (approve, or
/// reject with feedback) and a request whose tasks are all approved (approve-request). The commands name the
/// state file when the person gave `--state`, so they reach the same file.
enum PersonDecisions {
    static func waiting(in requests: [WorkRequest], access: StateAccess, arguments: CommandLineArguments) -> [String] {
        PersonQueue.items(in: requests).map { item in
            switch item {
            case .decide(let task, let request):
                "\(task.id) of \(request.id): \(command(["approve", request.id.rawValue, task.id.rawValue], arguments)) "
                    + "(or reject … --feedback \"…\")"
            case .close(let request):
                "\(request.id) is fully approved: \(command(["approve-request", request.id.rawValue], arguments))"
            }
        }
    }

    /// `mcp-orchestrator …`, quoted for a POSIX shell, with `--state` when the person gave it.
    static func command(_ words: [String], _ arguments: CommandLineArguments) -> String {
        let state = arguments.options["--state"].map { ["--state", $0] } ?? []
        return ShellQuoting.line(["mcp-orchestrator"] + words + state)
    }
}
