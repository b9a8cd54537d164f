internal import OrchestratorCore
internal import OrchestratorSystem

/// `approve REQUEST_ID TASK_ID`: the person approves a done task, as the server's refusals say.
struct ApproveCommand: CLICommand {
    let name = "approve"
    let summary = "Approve a done task as the person (what --approver human waits for)."
    let usage = "approve REQUEST_ID TASK_ID [--state PATH]"
    let details = """
        Records the approval as "person at terminal TTY (USER)" through the same lock and rules as the
        server, so a running server sees it at its next call. Only a done task can be approved. For a
        request the person approves, the command is refused (exit 77) when it runs inside an agent's
        session or process tree, or without a terminal: decide from your own terminal or the board.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let ids: [String]
        do { ids = try arguments.positionals(["REQUEST_ID", "TASK_ID"]) } catch { throw .usage(error.description) }
        let request = WorkRequest.ID(ids[0])
        let task = WorkTask.ID(ids[1])
        let access = try StateAccess(arguments, context: context)
        let decider = try context.decider(for: request, in: access)
        let (unlocked, revision) = try access.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.approve(task, in: request, by: decider)
        }
        var line = "Approved \(task) of \(request) (revision \(revision))."
        if !unlocked.isEmpty { line += " Now ready: \(unlocked.map(\.rawValue).joined(separator: ", "))." }
        context.writeOut(line + "\n")
        return 0
    }
}

/// `reject REQUEST_ID TASK_ID --feedback TEXT`: sends a done task back with the person's feedback.
struct RejectCommand: CLICommand {
    let name = "reject"
    let summary = "Send a done task back to work with the person's feedback."
    let usage = "reject REQUEST_ID TASK_ID --feedback TEXT [--state PATH]"
    let details = "The task returns to in progress for its last holder, with the feedback, which the agent sees next."
    let valuedOptions: Set<String> = ["--feedback"]
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let ids: [String]
        do { ids = try arguments.positionals(["REQUEST_ID", "TASK_ID"]) } catch { throw .usage(error.description) }
        guard let feedback = arguments.options["--feedback"] else {
            throw .usage("--feedback TEXT is required: say what to change")
        }
        let request = WorkRequest.ID(ids[0])
        let task = WorkTask.ID(ids[1])
        let access = try StateAccess(arguments, context: context)
        let actor = try context.decider(for: request, in: access).name
        let (_, revision) = try access.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.reject(task, in: request, feedback: feedback, by: actor)
        }
        context.writeOut("Sent \(task) of \(request) back with your feedback (revision \(revision)).\n")
        return 0
    }
}

/// `approve-request REQUEST_ID`: the person closes a request whose tasks are all approved.
struct ApproveRequestCommand: CLICommand {
    let name = "approve-request"
    let summary = "Close a request whose tasks are all approved, as the person."
    let usage = "approve-request REQUEST_ID [--state PATH]"
    let details = "A completed request refuses every further change."
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let ids: [String]
        do { ids = try arguments.positionals(["REQUEST_ID"]) } catch { throw .usage(error.description) }
        let request = WorkRequest.ID(ids[0])
        let access = try StateAccess(arguments, context: context)
        let decider = try context.decider(for: request, in: access)
        let (_, revision) = try access.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.completeRequest(request, by: decider)
        }
        context.writeOut("Request \(request) is completed (revision \(revision)).\n")
        return 0
    }
}

/// `approver REQUEST_ID agent|human`: who approves a request's work. Handing it to the person is open
/// to anyone; taking it back is the person's decision, refused where an agent runs the command.
struct ApproverCommand: CLICommand {
    let name = "approver"
    let summary = "Set who approves a request's work: human (only the person) or agent."
    let usage = "approver REQUEST_ID agent|human [--state PATH]"
    let details = """
        A request records its approver when it is planned (the server's --approver). Setting human makes
        every approval and the closing of the request the person's, whatever server or command carries
        them. Setting agent again is the person's decision: refused (exit 77) inside an agent's session
        or process tree, or without a terminal.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let given: [String]
        do { given = try arguments.positionals(["REQUEST_ID", "MODE"]) } catch { throw .usage(error.description) }
        guard let mode = ApproverMode(rawValue: given[1]) else {
            throw .usage("the approver is agent or human, not '\(given[1])'")
        }
        let request = WorkRequest.ID(given[0])
        let access = try StateAccess(arguments, context: context)
        let decider = mode == .human ? Decider.agent(context.actor) : try context.decider(for: request, in: access)
        let (_, revision) = try access.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.setApprover(mode, of: request, by: decider)
        }
        let who = mode == .human ? "the person" : "the agent or the person"
        context.writeOut("\(request) is approved by \(who) (revision \(revision)).\n")
        return 0
    }
}
