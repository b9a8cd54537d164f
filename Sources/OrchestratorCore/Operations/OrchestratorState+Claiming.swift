/// Handing out tasks: lease expiry and `get_next_task`.
extension OrchestratorState {
    /// Returns every in-progress task whose lease has run out to pending, recorded as the server's doing.
    /// Every change runs this first, so no stale claim ever blocks or misleads the scheduler.
    package mutating func expireLeases(at now: Timestamp) {
        for requestIndex in requests.indices where requests[requestIndex].status == .active {
            // Field reads only: copying whole tasks would cost more than the scan itself.
            let tasks = requests[requestIndex].tasks
            var expired: [Int] = []
            for index in tasks.indices where tasks[index].status == .inProgress && tasks[index].deletedAt == nil {
                if let until = tasks[index].claimExpiresAt, until <= now { expired.append(index) }
            }
            for taskIndex in expired {
                let task = requests[requestIndex].tasks[taskIndex]
                let note = "lease of \(task.assignee ?? "unknown holder") ran out at \(task.claimExpiresAt!)"
                _ = try? perform(
                    .expireLease, on: task.id, in: requests[requestIndex].id, by: "server", at: now, note: note
                ) { task in
                    task.assignee = nil
                    task.claimExpiresAt = nil
                }
            }
        }
    }

    /// `get_next_task`: selects by priority then plan order (`NextTaskSelector`) and claims the task for `holder` with a lease.
    /// A task the holder already has comes back with its lease renewed.
    package mutating func claimNext(
        in scope: WorkRequest.ID?, holder: String, leaseSeconds: Int, preferring worktree: String? = nil,
        at now: Timestamp
    ) throws(OrchestratorError) -> NextTaskSelection {
        if let scope { _ = try activeRequestIndex(scope) }
        expireLeases(at: now)
        let selection = NextTaskSelector.select(in: self, request: scope, holder: holder, preferring: worktree)
        switch selection {
        case .claim(let requestID, let taskID):
            try perform(.claim, on: taskID, in: requestID, by: holder, at: now) { task in
                task.assignee = holder
                task.claimExpiresAt = now.adding(seconds: leaseSeconds)
            }
        case .resume(let requestID, let taskID):
            try renewLease(of: taskID, in: requestID, holder: holder, leaseSeconds: leaseSeconds, at: now)
        case .awaitingApproval, .readyForCompletion, .waiting, .stuck, .noActiveRequests:
            break
        }
        return selection
    }

    /// Claims one named task (mcp-task-orchestrator's `orchestrator_execute_subtask`): it must be
    /// pending with its dependencies satisfied and its request not gated, exactly as `get_next_task`
    /// would require. The holder's own task comes back with its lease renewed.
    package mutating func claim(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, holder: String, leaseSeconds: Int, at now: Timestamp
    ) throws(OrchestratorError) {
        let requestIndex = try activeRequestIndex(requestID)
        expireLeases(at: now)
        guard let taskIndex = requests[requestIndex].taskIndex(taskID) else {
            throw .taskNotFound(taskID, in: requestID)
        }
        let request = requests[requestIndex]
        let task = request.tasks[taskIndex]
        if task.status == .inProgress, task.assignee == holder, !task.isDeleted {
            try renewLease(of: taskID, in: requestID, holder: holder, leaseSeconds: leaseSeconds, at: now)
            return
        }
        if task.status == .pending, !task.isDeleted {
            var plan = PlanView(request)
            let gate = plan.gate
            guard gate.isEmpty else { throw .requestGated(requestID, awaiting: gate) }
            let unmet = plan.unmetDependencies(of: taskIndex)
            guard unmet.isEmpty else { throw .dependenciesUnmet(taskID, waitingOn: unmet) }
        }
        try perform(.claim, on: taskID, in: requestID, by: holder, at: now) { task in
            task.assignee = holder
            task.claimExpiresAt = now.adding(seconds: leaseSeconds)
        }
    }

    /// The holder asked again for the task it holds: its lease starts over. The machine decides it;
    /// it leaves no line in the history.
    private mutating func renewLease(
        of taskID: WorkTask.ID, in requestID: WorkRequest.ID, holder: String, leaseSeconds: Int, at now: Timestamp
    ) throws(OrchestratorError) {
        let until = now.adding(seconds: leaseSeconds)
        try perform(.renewLease, on: taskID, in: requestID, by: holder, at: now, recordsHistory: false) { task in
            task.claimExpiresAt = until
        }
    }
}
