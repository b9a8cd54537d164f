internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

/// `show TASK_ID`: one task in full — what was asked, what the agent reported as done, feedback, and
/// every transition — with the command that decides it when it waits for the person.
struct ShowCommand: CLICommand {
    let name = "show"
    let summary = "Show one task in full: description, what was done, feedback and history."
    let usage = "show TASK_ID [--utc] [--state PATH]"
    let details = """
        Task ids are unique in the state file, so the id alone finds the task. Text is wrapped at words to the
        terminal's width; times are local and relative ("12 min ago"), or as recorded in UTC with --utc. Control
        characters in stored text are shown as pictures (␛). Reads only.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = ["--utc"]

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let ids: [String]
        do { ids = try arguments.positionals(["TASK_ID"]) } catch { throw .usage(error.description) }
        let access = try StateAccess(arguments, context: context)
        let (request, task) = try access.task(WorkTask.ID(ids[0]))
        var facts = [
            "Status: " + (task.isDeleted ? "deleted" : StatusCommand.status(task, in: request)),
            "Priority: \(task.priority.rawValue)",
        ]
        if let role = task.role { facts.append("Role: \(role)") }
        if !task.dependsOn.isEmpty { facts.append("After: " + task.dependsOn.map(\.rawValue).joined(separator: ",")) }
        if let holder = task.assignee { facts.append("Holder: \(holder)") }
        let width = context.width
        var lines = TextLayout.wrapped("\(task.id) of \(request.id): \(task.title)", width: width, indent: "")
        lines += TextLayout.wrapped(facts.joined(separator: " · "), width: width, indent: "") + [""]
        lines += ["Description:"] + TextLayout.wrapped(task.description, width: width, indent: "  ")
        if let details = task.completedDetails {
            lines += ["", "What was done:"] + TextLayout.wrapped(details, width: width, indent: "  ")
        }
        if let evidence = task.evidence { lines += ["", "What changed:"] + Self.evidence(evidence, task: task.id) }
        if let checks = task.checks { lines += ["", "Checks:"] + Self.checks(checks) }
        if let feedback = task.feedback {
            lines += ["", "Feedback:"] + TextLayout.wrapped(feedback, width: width, indent: "  ")
        }
        lines += ["", "History:"]
        let now = context.clock.now()
        let exact = arguments.flags.contains("--utc")
        for entry in task.history {
            let line =
                "\(TextLayout.time(entry.at, now: now, exact: exact)) \(entry.actor): \(entry.action.rawValue) (\(HistoryWords.move(entry)))"
                + (entry.note.map { " — " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") } ?? "")
            lines += TextLayout.wrapped(line, width: width, indent: "  ", hanging: "    ")
        }
        if let waiting = PersonDecisions.waiting(in: [request]).first(where: { $0.task == task.id }) {
            lines += ["", "Waiting for you:"]
            for words in PersonDecisions.commands(for: [waiting], arguments: arguments) {
                lines += ShellQuoting.lines(words, width: context.width, lead: "  ", continuation: "    ")
            }
            if let note = PersonDecisions.storeNote(arguments) { lines.append("  " + note) }
        }
        context.writeOut(lines.joined(separator: "\n").showingControlCharacters() + "\n")
        return 0
    }

    /// The evidence's files and notes, and how to read the patch.
    static func evidence(_ evidence: TaskEvidence, task: WorkTask.ID) -> [String] {
        let taker = evidence.source == .server ? "the server" : "the agent's bridge"
        var lines = ["  \(evidence.summary) (round \(evidence.round), recorded by \(taker))"]
        for file in evidence.files {
            let counts = file.isBinary ? "binary" : "+\(file.added ?? 0) −\(file.removed ?? 0)"
            let kind = file.kind.rawValue + String(repeating: " ", count: max(0, 8 - file.kind.rawValue.count))
            lines.append(
                "  \(kind) \(file.path)"
                    + (file.previousPath.map { " (from \($0))" } ?? "") + "  \(counts)")
        }
        lines += evidence.notes.map { "  Note: \($0)" }
        if evidence.end != nil { lines.append("  The change itself: mcp-orchestrator diff \(task)") }
        return lines
    }

    /// Each check's status, and why none ran.
    static func checks(_ checks: TaskChecks) -> [String] {
        var lines = ["  \(checks.summary) (round \(checks.round))"]
        for run in checks.runs {
            lines.append(
                "  \(run.status.rawValue) \(run.name) (\(run.required ? "required" : "advisory"))"
                    + (run.exitStatus.map { ", exit status \($0)" } ?? "")
                    + (run.milliseconds.map { ", \($0) ms" } ?? ""))
        }
        return lines
    }

}
