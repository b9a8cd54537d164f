internal import OrchestratorCore
internal import OrchestratorSystem

/// What waits for the person, and the command that decides it: a done task (approve, or reject with
/// feedback) and a request whose tasks are all approved (approve-request). The commands name the
/// state file when the person gave `--state`, so they reach the same file.
enum PersonDecisions {
    static func waiting(in requests: [WorkRequest], access: StateAccess, arguments: CommandLineArguments) -> [String] {
        var lines: [String] = []
        for request in requests where request.status == .active && request.workflowRun == nil {
            for task in request.tasks where !task.isDeleted && task.status == .done && request.approvalPolicy != .auto {
                lines.append(
                    "\(task.id) of \(request.id): \(command(["approve", request.id.rawValue, task.id.rawValue], arguments)) "
                        + "(or reject … --feedback \"…\")")
            }
            if request.liveTaskCount > 0, request.tasks.allSatisfy({ $0.isDeleted || $0.status == .approved }) {
                lines.append(
                    "\(request.id) is fully approved: \(command(["approve-request", request.id.rawValue], arguments))")
            }
        }
        return lines
    }

    /// `mcp-orchestrator …`, quoted for a POSIX shell, with `--state` when the person gave it.
    static func command(_ words: [String], _ arguments: CommandLineArguments) -> String {
        let state = arguments.options["--state"].map { ["--state", $0] } ?? []
        return ShellQuoting.line(["mcp-orchestrator"] + words + state)
    }
}
