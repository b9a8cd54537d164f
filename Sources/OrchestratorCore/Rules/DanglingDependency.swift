/// A task that depends on a task its request does not have (live): writes refuse such graphs, so one
/// exists only when the state file was edited by hand. The task can never be claimed until its
/// `dependsOn` is changed; it is reported when the file is loaded and by `get_next_task`.
package struct DanglingDependency: Equatable, Sendable, CustomStringConvertible {
    package let request: WorkRequest.ID
    package let task: WorkTask.ID
    /// The ids in its `dependsOn` that name no live task of the request.
    package let missing: [WorkTask.ID]

    package var description: String {
        let ids = missing.map(\.rawValue).joined(separator: ", ")
        return
            "task \(task) of \(request) depends on \(ids), which \(missing.count == 1 ? "is" : "are") not a task of \(request) "
            + "(the state file was changed by hand?), so it can never start; change its dependsOn"
    }
}

extension OrchestratorState {
    /// Every unfinished task of an active request that depends on a missing or deleted task.
    package var danglingDependencies: [DanglingDependency] {
        requests.filter { $0.status == .active }.flatMap(\.danglingDependencies)
    }
}

extension WorkRequest {
    /// This request's unfinished tasks whose dependencies name no live task of it.
    package var danglingDependencies: [DanglingDependency] {
        var live = Set<WorkTask.ID>()
        for task in tasks where !task.isDeleted { live.insert(task.id) }
        return tasks.compactMap { task in
            guard !task.isDeleted, task.status != .approved else { return nil }
            let missing = task.dependsOn.filter { !live.contains($0) }
            return missing.isEmpty ? nil : DanglingDependency(request: id, task: task.id, missing: missing)
        }
    }
}
