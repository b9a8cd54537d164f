internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

/// `show TASK_ID`: one task in full — what was asked, what the agent reported as done, feedback, and
/// every transition — with the command that decides it when it waits for the person.
struct ShowCommand: CLICommand {
    let name = "show"
    let summary = "Show one task in full: description, what was done, feedback and history."
    let usage = "show TASK_ID [--state PATH]"
    let details = """
        Task ids are unique in the state file, so the id alone finds the task. Control characters in stored
        text are shown as pictures (␛). Reads only.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let ids: [String]
        do { ids = try arguments.positionals(["TASK_ID"]) } catch { throw .usage(error.description) }
        let access = try StateAccess(arguments, context: context)
        let (state, _) = try access.read()
        let id = WorkTask.ID(ids[0])
        let request: WorkRequest
        let task: WorkTask
        if let (requestIndex, taskIndex) = state.locate(id) {
            request = state.requests[requestIndex]
            task = request.tasks[taskIndex]
        } else if let found = try access.archived().first(where: { $0.request.taskIndex(id) != nil }),
            let index = found.request.taskIndex(id)
        {
            request = found.request
            task = found.request.tasks[index]
        } else {
            throw .refused(RefusalAdvice.sentence(for: .taskNotFound(id, in: nil)))
        }
        var facts = [
            "Status: " + (task.isDeleted ? "deleted" : StatusCommand.status(task, in: request)),
            "Priority: \(task.priority.rawValue)",
        ]
        if let role = task.role { facts.append("Role: \(role)") }
        if !task.dependsOn.isEmpty { facts.append("After: " + task.dependsOn.map(\.rawValue).joined(separator: ",")) }
        if let holder = task.assignee { facts.append("Holder: \(holder)") }
        var lines = ["\(task.id) of \(request.id): \(task.title)", facts.joined(separator: " · "), ""]
        lines += ["Description:", Self.indented(task.description)]
        if let details = task.completedDetails { lines += ["", "What was done:", Self.indented(details)] }
        if let feedback = task.feedback { lines += ["", "Feedback:", Self.indented(feedback)] }
        lines += ["", "History:"]
        for entry in task.history {
            lines.append(
                "  \(entry.at) \(entry.actor): \(entry.action.rawValue) (\(HistoryWords.move(entry)))"
                    + (entry.note.map { " — " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") } ?? ""))
        }
        if let waiting = PersonDecisions.waiting(in: [request], arguments: arguments).first(where: {
            $0.task == task.id
        }) {
            lines += ["", "Waiting for you:"] + waiting.commands.map { "  " + $0 }
        }
        context.writeOut(lines.joined(separator: "\n").showingControlCharacters() + "\n")
        return 0
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
