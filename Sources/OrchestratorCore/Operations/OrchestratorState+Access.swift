/// The checks every change starts with: the request exists and is active, the task exists, and the
/// state machine allows the action. One place, so every tool refuses the same way.
extension OrchestratorState {
    /// The index of an active request, or the refusal that applies. A request that records a
    /// workflow run changes only through the run, unless `allowingRuns` says the caller is the run.
    func activeRequestIndex(_ id: WorkRequest.ID, allowingRuns: Bool = false) throws(OrchestratorError) -> Int {
        guard let index = requestIndex(id) else { throw .requestNotFound(id) }
        if !allowingRuns, let run = requests[index].workflowRun { throw .requestBelongsToRun(id, run: run) }
        guard requests[index].status == .active else { throw .requestCompleted(id) }
        return index
    }

    /// Applies `action` to a task through the state machine, recording it in the task's history.
    ///
    /// `body` runs after the decision and before the history entry, for the action's own fields.
    /// Throws before changing anything when the request, the task or the transition is refused.
    /// `allowingRuns` is for a workflow run acting on its own request's tasks; `recordsHistory` false
    /// is for a lease renewal, which the machine decides but which is no event in the task's history
    /// (a holder asking again for its task would otherwise write a line, and a flush, every time).
    @discardableResult
    mutating func perform(
        _ action: TaskAction, on taskID: WorkTask.ID, in requestID: WorkRequest.ID, by actor: String, at now: Timestamp,
        note: String? = nil, allowingRuns: Bool = false, recordsHistory: Bool = true,
        _ body: (inout WorkTask) throws(OrchestratorError) -> Void = { _ in }
    ) throws(OrchestratorError) -> (request: Int, task: Int, from: WorkTask.Status) {
        let requestIndex = try activeRequestIndex(requestID, allowingRuns: allowingRuns)
        guard let taskIndex = requests[requestIndex].taskIndex(taskID) else {
            throw .taskNotFound(taskID, in: requestID)
        }
        var task = requests[requestIndex].tasks[taskIndex]
        let from = task.status
        switch TaskStateMachine.decide(action, for: task) {
        case .refuse(let error): throw error
        case .stay: break
        case .move(let status): task.status = status
        }
        try body(&task)
        if recordsHistory {
            task.history.append(
                HistoryEntry(
                    at: now, actor: actor, action: action.historyAction, from: from, to: task.status, note: note))
        }
        replaceTask(at: requestIndex, taskIndex, with: task)
        updateRequest(at: requestIndex) { $0.updatedAt = now }
        return (requestIndex, taskIndex, from)
    }

    /// Pending live tasks of a request whose last unmet dependency was `taskID`, which just moved
    /// from `previous` to its current status.
    func unlocked(by taskID: WorkTask.ID, from previous: WorkTask.Status, in requestIndex: Int) -> [WorkTask.ID] {
        var plan = PlanView(requests[requestIndex])
        guard !plan.satisfies(previous),
            let changed = plan.tasks.firstIndex(where: { $0.id == taskID && $0.deletedAt == nil }),
            plan.satisfies(plan.tasks[changed].status)
        else { return [] }
        return plan.readyDependents(of: taskID)
    }
}

extension TaskAction {
    var historyAction: HistoryEntry.Action {
        switch self {
        case .claim: .claimed
        case .expireLease: .leaseExpired
        case .markDone: .markedDone
        case .approve: .approved
        case .reject: .rejected
        case .update: .updated
        case .delete: .deleted
        case .restore: .restored
        // A renewal is the holder claiming its own task again (recorded only where asked for); an
        // import records the work as done.
        case .renewLease: .claimed
        case .importDone: .markedDone
        }
    }
}
