/// Plans and tasks: planning, claiming, finishing, deciding, editing.
extension Orchestrator {
    /// Plans a request of `tasks` under the policy `policy(requested:unattended:)` chooses.
    package func plan(
        _ originalRequest: String, splitDetails: String?, tasks: [TaskDraft], policy requested: ApprovalPolicy?,
        unattended: Bool = false, by actor: String
    ) throws(ChangeFailure) -> Committed<WorkRequest.ID> {
        let policy = try self.policy(requested: requested, unattended: unattended)
        let approver = self.approver
        let origin = self.origin
        return try change { (state, now) throws(OrchestratorError) in
            try state.plan(
                originalRequest: originalRequest, splitDetails: splitDetails, tasks: tasks, policy: policy,
                approver: approver, origin: origin, by: actor, at: now)
        }
    }

    /// Appends tasks to an active request.
    package func addTasks(
        _ drafts: [TaskDraft], to request: WorkRequest.ID, by actor: String
    ) throws(ChangeFailure) -> Committed<[WorkTask.ID]> {
        try change { (state, now) throws(OrchestratorError) in
            try state.addTasks(drafts, to: request, by: actor, at: now)
        }
    }

    /// The next task for `holder` (the one it holds, else a new claim), or why there is none.
    package func claimNext(in scope: WorkRequest.ID?, holder: String) throws(ChangeFailure) -> Committed<
        NextTaskSelection
    > {
        let lease = leaseSeconds
        let worktree = origin?.worktree
        return try change { (state, now) throws(OrchestratorError) in
            try state.claimNext(in: scope, holder: holder, leaseSeconds: lease, preferring: worktree, at: now)
        }
    }

    /// Claims one named task, wherever it is when `request` is `nil`; returns its request.
    package func claim(
        _ task: WorkTask.ID, in request: WorkRequest.ID?, holder: String
    ) throws(ChangeFailure) -> Committed<WorkRequest.ID> {
        let lease = leaseSeconds
        return try change { (state, now) throws(OrchestratorError) in
            let requestID = try state.owner(of: task, given: request)
            try state.claim(task, in: requestID, holder: holder, leaseSeconds: lease, at: now)
            return requestID
        }
    }

    /// Marks a task done with what was done, and what it changed in the working tree when that was
    /// recorded; `holder`, when given, must hold it.
    package func markDone(
        _ task: WorkTask.ID, in request: WorkRequest.ID?, details: String, holder: String?, by actor: String,
        evidence: TaskEvidence? = nil, checks: TaskChecks? = nil
    ) throws(ChangeFailure) -> Committed<OrchestratorState.CompletionEffect> {
        try change { (state, now) throws(OrchestratorError) in
            try state.markDone(
                task, in: state.owner(of: task, given: request), details: details, holder: holder, by: actor, at: now,
                evidence: evidence, checks: checks)
        }
    }

    /// The project's checks on a round of a task's work finished (or a runner took them over): their
    /// results are recorded; a required check that failed sends the work back to its holder, as a
    /// rejection by "checks" with the failure as the feedback. A round the task has left changes nothing.
    package func recordChecks(_ task: WorkTask.ID, _ checks: TaskChecks) throws(ChangeFailure) -> Committed<Bool> {
        let lease = leaseSeconds
        let committed = try change { (state, now) throws(OrchestratorError) -> Bool in
            guard let (requestIndex, taskIndex) = state.locate(task) else { return false }
            let current = state.requests[requestIndex].tasks[taskIndex]
            guard current.checks?.round == checks.round else { return false }
            state.updateTask(at: requestIndex, taskIndex) { $0.checks = checks }
            let failed = checks.failedRequired
            guard !failed.isEmpty, !checks.isRunning, current.status == .done else { return false }
            let feedback = failed.map { run in
                "The required check '\(run.name)' "
                    + (run.status == .timedOut ? "ran out of time" : "failed (exit status \(run.exitStatus ?? -1))")
                    + (run.tail.map { ":\n" + $0 } ?? ".")
            }.joined(separator: "\n\n")
            try state.reject(
                task, in: state.requests[requestIndex].id, feedback: feedback, leaseSeconds: lease, by: "checks",
                at: now)
            return true
        }
        if committed.outcome, let observer, let event = PersonEvent.sentBack(task, in: committed.state) {
            observer.appeared([event], durability: committed.durability)
        }
        return committed
    }

    /// Approves a done task as `decider` (an agent, or the person with the channel that reached
    /// them); returns what it unlocked. A request the person approves refuses an agent's approval.
    package func approve(
        _ task: WorkTask.ID, in request: WorkRequest.ID, by decider: Decider
    ) throws(ChangeFailure) -> Committed<[WorkTask.ID]> {
        try change { (state, now) throws(OrchestratorError) in
            try state.approve(task, in: request, by: decider, at: now)
        }
    }

    /// Sends a done task back to work with feedback, held again by whoever finished it.
    package func reject(
        _ task: WorkTask.ID, in request: WorkRequest.ID, feedback: String, by actor: String
    ) throws(ChangeFailure) -> Committed<Void> {
        let lease = leaseSeconds
        return try change { (state, now) throws(OrchestratorError) in
            try state.reject(task, in: request, feedback: feedback, leaseSeconds: lease, by: actor, at: now)
        }
    }

    /// Closes a request whose live tasks are all approved; one the person approves only as the person.
    package func completeRequest(_ request: WorkRequest.ID, by decider: Decider) throws(ChangeFailure)
        -> Committed<Void>
    {
        try change { (state, now) throws(OrchestratorError) in
            try state.completeRequest(request, by: decider, at: now)
        }
    }

    /// Sets who approves a request's work. Making the person its approver is open to anyone; taking
    /// that from the person is the person's decision alone.
    package func setApprover(
        _ mode: ApproverMode, of request: WorkRequest.ID, by decider: Decider
    ) throws(ChangeFailure) -> Committed<Void> {
        try change { (state, now) throws(OrchestratorError) in
            try state.setApprover(mode, of: request, by: decider, at: now)
        }
    }

    /// Changes a task that is not finished, wherever it is when `request` is `nil`. `holder`, the
    /// agent making the change, may not change a task another agent holds.
    package func update(
        _ task: WorkTask.ID, in request: WorkRequest.ID?, changes: OrchestratorState.TaskChanges,
        holder: String? = nil, by actor: String
    ) throws(ChangeFailure) -> Committed<Void> {
        try change { (state, now) throws(OrchestratorError) in
            try state.update(
                task, in: state.owner(of: task, given: request), changes: changes, holder: holder, by: actor, at: now)
        }
    }

    /// Takes a task out of the plan, kept for restoring; `holder` as for `update`.
    package func delete(_ task: WorkTask.ID, in request: WorkRequest.ID?, holder: String? = nil, by actor: String)
        throws(ChangeFailure) -> Committed<Void>
    {
        try change { (state, now) throws(OrchestratorError) in
            try state.delete(task, in: state.owner(of: task, given: request), holder: holder, by: actor, at: now)
        }
    }

    /// Brings a deleted task back as it was.
    package func restore(_ task: WorkTask.ID, in request: WorkRequest.ID, by actor: String) throws(ChangeFailure)
        -> Committed<Void>
    {
        try change { (state, now) throws(OrchestratorError) in try state.restore(task, in: request, by: actor, at: now)
        }
    }
}

/// Dry runs: whether a decision would be accepted now, asked before the person is asked.
extension Orchestrator {
    /// The done task an approval would accept, or the refusal it would get; changes nothing.
    package func checkApproval(of task: WorkTask.ID, in request: WorkRequest.ID) throws(ChangeFailure) -> WorkTask {
        var trial = try readForCheck()
        do { _ = try trial.approve(task, in: request, by: .person("check"), at: clock.now()) } catch {
            throw .refused(error)
        }
        guard let (requestIndex, taskIndex) = trial.locate(task) else {
            throw .refused(.taskNotFound(task, in: request))
        }
        return trial.requests[requestIndex].tasks[taskIndex]
    }

    /// The request closing it would complete, or the refusal it would get; changes nothing.
    package func checkCompletion(of request: WorkRequest.ID) throws(ChangeFailure) -> WorkRequest {
        var trial = try readForCheck()
        do { try trial.completeRequest(request, by: .person("check"), at: clock.now()) } catch {
            throw .refused(error)
        }
        guard let index = trial.requestIndex(request) else { throw .refused(.requestNotFound(request)) }
        return trial.requests[index]
    }

    private func readForCheck() throws(ChangeFailure) -> OrchestratorState {
        do { return try read().state } catch { throw .persistence(error) }
    }
}

/// Bringing plans in from another tool.
extension Orchestrator {
    /// Imports requests in one change: all of them, or none when any is refused.
    package func importRequests(
        _ requests: [(originalRequest: String, splitDetails: String?, tasks: [ImportedTask])], by actor: String
    ) throws(ChangeFailure) -> Committed<[WorkRequest.ID]> {
        try change { (state, now) throws(OrchestratorError) in
            var ids: [WorkRequest.ID] = []
            for request in requests {
                ids.append(
                    try state.importRequest(
                        originalRequest: request.originalRequest, splitDetails: request.splitDetails,
                        tasks: request.tasks, by: actor, at: now))
            }
            return ids
        }
    }
}
