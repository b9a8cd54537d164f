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
        let request = requests[requestIndex]
        var status: [WorkTask.ID: WorkTask.Status] = [:]
        for live in request.tasks where !live.isDeleted { status[live.id] = live.status }
        return request.tasks.filter { candidate in
            !candidate.isDeleted && candidate.status == .pending && candidate.dependsOn.contains(task)
                && candidate.dependsOn.allSatisfy { status[$0].map(request.approvalPolicy.satisfies) ?? false }
        }.map(\.id)
    }
}
