/// What `get_next_task` should do, decided without changing anything.
package enum NextTaskSelection: Equatable, Sendable {
    /// The holder already has this task in progress: hand the same one back.
    case resume(WorkRequest.ID, WorkTask.ID)
    /// Claim this pending task for the holder.
    case claim(WorkRequest.ID, WorkTask.ID)
    /// Nothing may be handed out until these done tasks are approved.
    case awaitingApproval(WorkRequest.ID, [WorkTask.ID])
    /// Every live task is approved: the request waits for `approve_request_completion`.
    case readyForCompletion(WorkRequest.ID)
    /// Nothing is claimable now; these tasks are in progress with other holders and the rest depend on them.
    case waiting(WorkRequest.ID, inProgress: [WorkTask.ID])
    /// Nothing can ever start: these tasks depend on tasks the request does not have (a hand-edited file).
    case stuck(WorkRequest.ID, [DanglingDependency])
    /// There is no active request (in scope) at all.
    case noActiveRequests
}
