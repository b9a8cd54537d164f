internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// What the compatibility sets share: their tools name tasks by `task_id` alone, anywhere in the store.
extension ToolInvocation {

    /// The task named by `task_id` anywhere in the store, with its request.
    func locateTask(_ id: WorkTask.ID, in state: OrchestratorState) throws(ToolFailure) -> (
        request: WorkRequest, task: WorkTask
    ) {
        guard let (requestIndex, taskIndex) = state.locate(id) else {
            throw ToolFailure(OrchestratorError.taskNotFound(id, in: nil))
        }
        return (state.requests[requestIndex], state.requests[requestIndex].tasks[taskIndex])
    }
}

extension OrchestratorState {
    /// The request a task belongs to, or the refusal for an unknown task.
    func requestOf(_ id: WorkTask.ID) throws(OrchestratorError) -> WorkRequest.ID {
        guard let (requestIndex, _) = locate(id) else { throw .taskNotFound(id, in: nil) }
        return requests[requestIndex].id
    }
}
