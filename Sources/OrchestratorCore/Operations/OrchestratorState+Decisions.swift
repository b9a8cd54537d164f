/// Decisions seen from outside: what a call that waits for the person looks for.
extension OrchestratorState {
    /// The last approval or rejection of `task` at or after `moment`, if one happened.
    package func decision(on task: WorkTask.ID, since moment: Timestamp) -> HistoryEntry? {
        guard let (requestIndex, taskIndex) = locate(task) else { return nil }
        return requests[requestIndex].tasks[taskIndex].history.last {
            $0.at >= moment && ($0.action == .approved || $0.action == .rejected)
        }
    }

    /// The pending tasks that depend on `task` and may start now that it is settled.
    package func readyDependents(of task: WorkTask.ID) -> [WorkTask.ID] {
        guard let (requestIndex, _) = locate(task) else { return [] }
        var plan = PlanView(requests[requestIndex])
        return plan.readyDependents(of: task)
    }
}
