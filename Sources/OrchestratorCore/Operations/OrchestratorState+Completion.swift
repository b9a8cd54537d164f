/// Finishing, approving and rejecting tasks, and closing requests.
extension OrchestratorState {
    /// What `mark_task_done` changed besides the task itself.
    package struct CompletionEffect: Equatable, Sendable {
        /// Pending tasks whose last unmet dependency this was.
        package var unlocked: [WorkTask.ID]
        /// The `auto` policy approved the task at once.
        package var autoApproved: Bool
    }

    /// `mark_task_done`: in progress → done with the details and the round's evidence; under `auto`
    /// straight on to approved. When `holder` is given it must be the instance holding the task.
    package mutating func markDone(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, details: String, holder: String?, by actor: String,
        at now: Timestamp, evidence: TaskEvidence? = nil, checks: TaskChecks? = nil
    ) throws(OrchestratorError) -> CompletionEffect {
        guard !details.isBlank else { throw .emptyField("completedDetails") }
        let (requestIndex, _, from) = try perform(
            .markDone, on: taskID, in: requestID, by: actor, at: now, note: details
        ) {
            (task: inout WorkTask) throws(OrchestratorError) in
            try task.requireNotHeld(byOtherThan: holder)
            task.completedDetails = details
            task.claimExpiresAt = nil
            if let evidence { task.evidence = evidence }
            if let checks { task.checks = checks }
        }
        var autoApproved = false
        if requests[requestIndex].approvalPolicy == .auto {
            try perform(.approve, on: taskID, in: requestID, by: "auto policy", at: now) { task in
                task.approvedBy = "auto policy"
            }
            autoApproved = true
        }
        return CompletionEffect(
            unlocked: unlocked(by: taskID, from: from, in: requestIndex), autoApproved: autoApproved)
    }

    /// `approve_task_completion`: done → approved, recording who approved. Returns the tasks it unlocked.
    /// A request whose approver is the person takes the approval only from the person.
    package mutating func approve(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, by decider: Decider, at now: Timestamp
    ) throws(OrchestratorError) -> [WorkTask.ID] {
        try requirePerson(decider, for: requestID)
        let actor = decider.name
        let (requestIndex, _, from) = try perform(.approve, on: taskID, in: requestID, by: actor, at: now) { task in
            task.approvedBy = actor
        }
        return unlocked(by: taskID, from: from, in: requestIndex)
    }

    /// `reject_task`: done → in progress with the feedback; the previous holder keeps it with a new lease.
    package mutating func reject(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, feedback: String, leaseSeconds: Int, by actor: String,
        at now: Timestamp
    ) throws(OrchestratorError) {
        guard !feedback.isBlank else { throw .emptyField("feedback") }
        try perform(.reject, on: taskID, in: requestID, by: actor, at: now, note: feedback) { task in
            task.feedback = feedback
            task.completedDetails = nil
            task.claimExpiresAt = task.assignee == nil ? nil : now.adding(seconds: leaseSeconds)
        }
    }

    /// `approve_request_completion`: closes a request whose live tasks are all approved.
    package mutating func completeRequest(_ requestID: WorkRequest.ID, by decider: Decider, at now: Timestamp)
        throws(OrchestratorError)
    {
        let index = try activeRequestIndex(requestID)
        try requirePerson(decider, for: requestID)
        let actor = decider.name
        var unapproved: [WorkTask.ID: WorkTask.Status] = [:]
        for task in requests[index].tasks where !task.isDeleted && task.status != .approved {
            unapproved[task.id] = task.status
        }
        guard unapproved.isEmpty else { throw .requestNotFinished(requestID, unapproved: unapproved) }
        updateRequest(at: index) { request in
            request.status = .completed
            request.completedAt = now
            request.completedBy = actor
            request.updatedAt = now
        }
    }
}

/// Who may decide on a request.
extension OrchestratorState {
    /// Refuses an agent's decision on a request whose approver is the person.
    func requirePerson(_ decider: Decider, for requestID: WorkRequest.ID) throws(OrchestratorError) {
        guard !decider.isPerson, let index = requestIndex(requestID), requests[index].approver == .human else {
            return
        }
        throw .personDecides(requestID)
    }

    /// Sets a request's approver: anyone may hand the decisions to the person, only the person may
    /// take them back.
    package mutating func setApprover(
        _ mode: ApproverMode, of requestID: WorkRequest.ID, by decider: Decider, at now: Timestamp
    ) throws(OrchestratorError) {
        let index = try activeRequestIndex(requestID)
        if mode == .agent { try requirePerson(decider, for: requestID) }
        guard requests[index].approver != mode else { return }
        if mode == .human, requests[index].approvalPolicy == .auto { throw .policyNeedsAgentApprover }
        updateRequest(at: index) { request in
            request.approver = mode
            request.updatedAt = now
        }
    }
}
