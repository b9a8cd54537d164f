internal import OrchestratorCore
internal import OrchestratorSystem

/// `approve TASK_ID...`: the person approves done tasks, as the server's refusals say. Task ids are
/// unique, so the id alone names a task; `approve REQUEST_ID TASK_ID` is read as before.
struct ApproveCommand: CLICommand {
    let name = "approve"
    let summary = "Approve done tasks as the person (what --approver human waits for)."
    let usage = "approve TASK_ID... [--state PATH]"
    let details = """
        Records each approval as "person at terminal TTY (USER)" through the same lock and rules as the
        server, so a running server sees it at its next call, one change per task, in the order given; a
        task that cannot be approved stops there, and says why. Only a done task can be approved. For a
        request the person approves, the command is refused (exit 77) when it runs inside an agent's
        session or process tree, or without a terminal: decide from your own terminal or the board.
        `approve REQUEST_ID TASK_ID` still works.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let access = try StateAccess(arguments, context: context)
        let targets = try DecisionTargets.tasks(arguments.positionals, in: access, several: true)
        for (request, task) in targets {
            let decider = try context.decider(for: request, in: access)
            let (unlocked, revision) = try access.perform { (orchestrator) throws(ChangeFailure) in
                try orchestrator.approve(task, in: request, by: decider)
            }
            var line = "Approved \(task) of \(request) (revision \(revision))."
            if !unlocked.isEmpty { line += " Now ready: \(unlocked.map(\.rawValue).joined(separator: ", "))." }
            context.writeOut(line + "\n")
        }
        return 0
    }
}

/// `reject TASK_ID --feedback TEXT`: sends a done task back with the person's feedback
/// (`reject REQUEST_ID TASK_ID` is read as before).
struct RejectCommand: CLICommand {
    let name = "reject"
    let summary = "Send a done task back to work with the person's feedback."
    let usage = "reject TASK_ID --feedback TEXT [--state PATH]"
    let details = """
        The task returns to in progress for its last holder, with the feedback, which the agent sees next.
        `reject REQUEST_ID TASK_ID --feedback TEXT` still works.
        """
    let valuedOptions: Set<String> = ["--feedback"]
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        guard let feedback = arguments.options["--feedback"] else {
            throw .usage("--feedback TEXT is required: say what to change")
        }
        let access = try StateAccess(arguments, context: context)
        let (request, task) = try DecisionTargets.tasks(arguments.positionals, in: access, several: false)[0]
        let actor = try context.decider(for: request, in: access).name
        let (_, revision) = try access.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.reject(task, in: request, feedback: feedback, by: actor)
        }
        context.writeOut("Sent \(task) of \(request) back with your feedback (revision \(revision)).\n")
        return 0
    }
}

/// The tasks a deciding command names: task ids alone (unique in the state file), or the older
/// `REQUEST_ID TASK_ID`.
enum DecisionTargets {
    static func tasks(_ words: [String], in access: StateAccess, several: Bool) throws(CLIFailure) -> [(
        request: WorkRequest.ID, task: WorkTask.ID
    )] {
        guard !words.isEmpty else { throw .usage("expected TASK_ID\(several ? "..." : ""), got nothing") }
        guard several || words.count <= 2 else { throw .usage("expected TASK_ID, got \(words.joined(separator: " "))") }
        let state = try access.read().state
        // The older form: a request, then one of its tasks.
        if words.count == 2, state.locate(WorkTask.ID(words[0])) == nil {
            let request = WorkRequest.ID(words[0])
            guard state.requestIndex(request) != nil else {
                throw .refused(RefusalAdvice.sentence(for: .requestNotFound(request)))
            }
            return [(request, WorkTask.ID(words[1]))]
        }
        guard several || words.count == 1 else {
            throw .usage("expected TASK_ID, got \(words.joined(separator: " "))")
        }
        var targets: [(WorkRequest.ID, WorkTask.ID)] = []
        for word in words {
            let task = WorkTask.ID(word)
            guard let (requestIndex, _) = state.locate(task) else {
                throw .refused(RefusalAdvice.sentence(for: .taskNotFound(task, in: nil)))
            }
            targets.append((state.requests[requestIndex].id, task))
        }
        return targets
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
