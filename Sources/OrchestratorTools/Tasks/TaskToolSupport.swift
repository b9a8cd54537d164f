internal import OrchestratorCore
internal import OrchestratorEvidence
internal import OrchestratorJSON
internal import OrchestratorMCP
internal import OrchestratorSystem

/// What every plan-and-task tool needs: who is acting, the time, and the store with its failures
/// turned into tool failures.
extension ToolInvocation {
    /// The history's "who": the authenticated caller (Streamable HTTP with tokens), else the
    /// `instanceId` argument, else the client's name, else "unknown client".
    var actor: String {
        if let caller = context.authenticated { return caller.name }
        if let instance = self[CommonArguments.instanceID], !instance.isBlank { return instance }
        return context.clientInfo?.name ?? "unknown client"
    }

    /// The agent a tool acts for, by the name the caller gave: an authenticated caller is always
    /// itself, and naming someone else is refused, so nobody finishes or releases another's claim.
    func agent(named given: String?) throws(ToolFailure) -> String? {
        guard let caller = context.authenticated else { return given }
        if let given, given != caller.name { throw .notYourIdentity(caller, given: given) }
        return caller.name
    }

    /// The agent a change is made by when the transport names it (an agent token): it may not change
    /// a task another agent holds. `nil` for a person's token, and where no caller is authenticated.
    var changingAgent: String? {
        guard let caller = context.authenticated, caller.role != .person else { return nil }
        return caller.name
    }

    var now: Timestamp { settings.clock.now() }

    /// Runs a change use case: its durability is awaited before the answer goes out, and its
    /// failures become tool failures. Returns the outcome and the state after the change.
    func perform<Outcome>(
        _ useCase: (Orchestrator) throws(ChangeFailure) -> Committed<Outcome>
    ) throws(ToolFailure) -> (outcome: Outcome, state: OrchestratorState) {
        do {
            let committed = try useCase(orchestrator)
            pendingReply.record(committed.durability)
            return (committed.outcome, committed.state)
        } catch {
            switch error {
            case .refused(let refusal): throw ToolFailure(refusal)
            case .persistence(let problem): throw ToolFailure(problem)
            }
        }
    }

    /// What the gate gets as a task's round is marked done: what it changed in the working tree, and
    /// the project's checks to run on it (or why none run); `nil`s where neither is recorded or the
    /// task is not in progress (the change will be refused).
    /// A server in no agent's tree (the shared server) takes what the agent's `connect` bridge attached
    /// instead, marked as the bridge's.
    func gateRecords(of taskID: WorkTask.ID) -> (evidence: TaskEvidence?, checks: TaskChecks?) {
        let attached = services.evidence == nil ? call.context.meta?[BridgeAttachment.key] : nil
        guard services.evidence != nil || services.checks != nil || attached != nil,
            let state = try? orchestrator.read().state, let (requestIndex, taskIndex) = state.locate(taskID)
        else { return (nil, nil) }
        let task = state.requests[requestIndex].tasks[taskIndex]
        guard task.status == .inProgress else { return (nil, nil) }
        let others = state.requests.flatMap { request in
            request.tasks.filter { $0.status == .inProgress && $0.id != taskID && !$0.isDeleted }.map(\.id)
        }
        let evidence =
            services.evidence?.finish(taskID, round: task.round, others: others)
            ?? attached.map { bridgeEvidence($0, round: task.round) }
        return (evidence, services.checks?.plan(round: task.round))
    }

    /// The evidence a bridge attached, its patch kept beside the state file; what is wrong with it
    /// becomes the evidence's note (it never fails the call).
    private func bridgeEvidence(_ attached: JSONValue, round: Int) -> TaskEvidence {
        let unread = { (note: String) in
            TaskEvidence(round: round, start: nil, end: nil, files: [], notes: [note], source: .bridge)
        }
        switch BridgeAttachment.read(attached) {
        case .failure(let problem): return unread(problem.description)
        case .success(let attachment):
            guard attachment.evidence.round == round else {
                return unread(
                    "The agent's bridge sent evidence of round \(attachment.evidence.round), but this is round \(round) of the task; it was not kept."
                )
            }
            guard let end = attachment.evidence.end else { return attachment.evidence }
            do {
                try BridgePatches(statePath: settings.stateLocation.path).keep(attachment.patch, end: end)
            } catch {
                return unread("The patch the agent's bridge sent could not be kept: \(error.description).")
            }
            return attachment.evidence
        }
    }

    /// The archived requests (finished work moved out of the live file), each once.
    func archivedRequests() throws(ToolFailure) -> [ArchivedRequest] {
        do { return try orchestrator.archived() } catch { throw ToolFailure(error) }
    }

    /// Runs a read-only use case (a dry run), turning its failures into tool failures.
    func check<Result>(_ useCase: (Orchestrator) throws(ChangeFailure) -> Result) throws(ToolFailure) -> Result {
        do {
            return try useCase(orchestrator)
        } catch {
            switch error {
            case .refused(let refusal): throw ToolFailure(refusal)
            case .persistence(let problem): throw ToolFailure(problem)
            }
        }
    }

    /// The current state for reading, with expired leases shown as pending. Never writes.
    func currentState() throws(ToolFailure) -> OrchestratorState {
        do { return try orchestrator.read().state } catch { throw ToolFailure(error) }
    }
}

extension OrchestratorState {
    /// The request a task belongs to, for tools that name only the task.
    func request(_ id: WorkRequest.ID) throws(ToolFailure) -> WorkRequest {
        guard let index = requestIndex(id) else { throw ToolFailure(OrchestratorError.requestNotFound(id)) }
        return requests[index]
    }
}
