/// One request's plan as its rules read it: the one home of "is this dependency satisfied under the
/// request's policy", "may this task be claimed now" and "is the request gated", for selection,
/// claiming, what a change unlocked and what a decision readied.
///
/// Tasks are read where they are stored (copying one costs a retain and a release per field), and the
/// live tasks' statuses by id are made only when a task with dependencies first needs them.
package struct PlanView {
    package let tasks: [WorkTask]
    package let policy: ApprovalPolicy
    private var statuses: [WorkTask.ID: WorkTask.Status]?

    package init(_ request: WorkRequest) {
        tasks = request.tasks
        policy = request.approvalPolicy
    }

    /// The done tasks the request's gate waits on: under `each` no task is handed out while one is
    /// done and not yet approved. Empty when the request is not gated.
    package var gate: [WorkTask.ID] {
        guard policy == .each else { return [] }
        var done: [WorkTask.ID] = []
        for index in tasks.indices where tasks[index].deletedAt == nil && tasks[index].status == .done {
            done.append(tasks[index].id)
        }
        return gate(done: done)
    }

    /// The gate, from the live done tasks a caller has already listed.
    package func gate(done: [WorkTask.ID]) -> [WorkTask.ID] { policy == .each ? done : [] }

    /// Whether a live task in `status` waits for a decision: done, under a policy that approves by
    /// decision (`auto` approves by itself).
    package static func awaitsDecision(_ status: WorkTask.Status, under policy: ApprovalPolicy) -> Bool {
        status == .done && policy != .auto
    }

    /// Whether a task in `status` satisfies the tasks that depend on it, under the request's policy.
    package func satisfies(_ status: WorkTask.Status) -> Bool { policy.satisfies(status) }

    /// The dependencies of the task at `index` that are not satisfied (deleted or unknown ones never are).
    package mutating func unmetDependencies(of index: Int) -> [WorkTask.ID] {
        guard !tasks[index].dependsOn.isEmpty else { return [] }
        let known = liveStatuses()
        let policy = policy
        return tasks[index].dependsOn.filter { !(known[$0].map(policy.satisfies) ?? false) }
    }

    /// Whether the task at `index` is live, pending and has every dependency satisfied.
    package mutating func isReady(_ index: Int) -> Bool {
        guard tasks[index].deletedAt == nil, tasks[index].status == .pending else { return false }
        guard !tasks[index].dependsOn.isEmpty else { return true }
        let known = liveStatuses()
        let policy = policy
        return tasks[index].dependsOn.allSatisfy { known[$0].map(policy.satisfies) ?? false }
    }

    /// The pending live tasks that depend on `task` and may start now.
    package mutating func readyDependents(of task: WorkTask.ID) -> [WorkTask.ID] {
        var ready: [WorkTask.ID] = []
        for index in tasks.indices where tasks[index].dependsOn.contains(task) && isReady(index) {
            ready.append(tasks[index].id)
        }
        return ready
    }

    /// The status of every live task, by id, made once.
    private mutating func liveStatuses() -> [WorkTask.ID: WorkTask.Status] {
        if let statuses { return statuses }
        var made: [WorkTask.ID: WorkTask.Status] = [:]
        made.reserveCapacity(tasks.count)
        for index in tasks.indices where tasks[index].deletedAt == nil { made[tasks[index].id] = tasks[index].status }
        statuses = made
        return made
    }
}
