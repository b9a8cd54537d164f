/// Everything the orchestrator knows: the document the state file holds.
///
/// Ids come from counters kept in the state itself, so several processes sharing one file never hand
/// out the same id: the counter is read and advanced under the file lock like any other change.
///
/// Everything is written through this file's writes (`updateTask`, `updateRequest`, `appendTasks`,
/// …), which record what they touched in `changes`: the fields are read-only everywhere else, so no
/// change can go unrecorded.
package struct OrchestratorState: Sendable, Equatable {
    /// Oldest first: the scheduler serves the oldest active request first.
    package private(set) var requests: [WorkRequest]
    /// Workflow runs, oldest first; each links to the request that records its steps.
    package private(set) var runs: [WorkflowRun]
    package private(set) var nextRequestNumber: Int
    package private(set) var nextTaskNumber: Int
    package private(set) var nextRunNumber: Int
    /// What the writes since `beginChange()` touched.
    package private(set) var changes = ChangeRecord()
    /// Which request each task belongs to, so a task is found without scanning every request. Only a
    /// hint: `locate` checks it and scans when it is missing or stale (tasks never move between
    /// requests, but code may add them to `requests` directly).
    private(set) var taskOwners: [WorkTask.ID: WorkRequest.ID] = [:]

    package init(
        requests: [WorkRequest] = [], runs: [WorkflowRun] = [], nextRequestNumber: Int = 1, nextTaskNumber: Int = 1,
        nextRunNumber: Int = 1
    ) {
        self.requests = requests
        self.runs = runs
        self.nextRequestNumber = nextRequestNumber
        self.nextTaskNumber = nextTaskNumber
        self.nextRunNumber = nextRunNumber
        for request in requests {
            for task in request.tasks { taskOwners[task.id] = request.id }
        }
    }

    /// The state's value: its requests, runs and counters; not the `locate` hint nor the record of
    /// the change under way.
    package static func == (lhs: OrchestratorState, rhs: OrchestratorState) -> Bool {
        lhs.nextRequestNumber == rhs.nextRequestNumber && lhs.nextTaskNumber == rhs.nextTaskNumber
            && lhs.nextRunNumber == rhs.nextRunNumber && lhs.runs == rhs.runs && lhs.requests == rhs.requests
    }

    package func runIndex(_ id: WorkflowRun.ID) -> Int? {
        runs.firstIndex { $0.id == id }
    }

    package func requestIndex(_ id: WorkRequest.ID) -> Int? {
        requests.firstIndex { $0.id == id }
    }

    /// Finds a task anywhere in the store (task ids are unique across requests).
    package func locate(_ task: WorkTask.ID) -> (request: Int, task: Int)? {
        if let owner = taskOwners[task], let requestIndex = requestIndex(owner),
            let taskIndex = requests[requestIndex].taskIndex(task)
        {
            return (requestIndex, taskIndex)
        }
        for (requestIndex, request) in requests.enumerated() {
            if let taskIndex = request.taskIndex(task) { return (requestIndex, taskIndex) }
        }
        return nil
    }

    /// The request a task belongs to, or the refusal for an unknown task.
    package func requestOf(_ id: WorkTask.ID) throws(OrchestratorError) -> WorkRequest.ID {
        guard let (requestIndex, _) = locate(id) else { throw .taskNotFound(id, in: nil) }
        return requests[requestIndex].id
    }

    /// `given`, else the request `task` belongs to.
    package func owner(of task: WorkTask.ID, given request: WorkRequest.ID?) throws(OrchestratorError) -> WorkRequest.ID
    {
        if let request { return request }
        return try requestOf(task)
    }

    /// Whether every live task of the request is approved (checked in place, without copying tasks).
    package func isFullyApproved(_ id: WorkRequest.ID) -> Bool {
        requestIndex(id).map { requests[$0].tasks.allSatisfy { $0.isDeleted || $0.status == .approved } } ?? false
    }

    mutating func makeRequestID() -> WorkRequest.ID {
        defer { nextRequestNumber += 1 }
        changes.touchCounters()
        return WorkRequest.ID("req-\(nextRequestNumber)")
    }

    mutating func makeRunID() -> WorkflowRun.ID {
        defer { nextRunNumber += 1 }
        changes.touchCounters()
        return WorkflowRun.ID("run-\(nextRunNumber)")
    }

    mutating func makeTaskID() -> WorkTask.ID {
        defer { nextTaskNumber += 1 }
        changes.touchCounters()
        return WorkTask.ID("task-\(nextTaskNumber)")
    }
}

/// The writes: the only way anything in the state changes, each recording what it touched.
extension OrchestratorState {
    /// Starts a change: the record is emptied, so what follows is what this change touched.
    package mutating func beginChange() {
        changes = ChangeRecord()
    }

    /// Replaces the task at `taskIndex` of the request at `requestIndex`; recorded when it differs.
    package mutating func replaceTask(at requestIndex: Int, _ taskIndex: Int, with task: WorkTask) {
        guard requests[requestIndex].tasks[taskIndex] != task else { return }
        changes.touch(task.id, of: requests[requestIndex].id)
        requests[requestIndex].tasks[taskIndex] = task
    }

    /// Changes the task at `taskIndex` of the request at `requestIndex`; recorded when it differs.
    package mutating func updateTask(at requestIndex: Int, _ taskIndex: Int, _ body: (inout WorkTask) -> Void) {
        var task = requests[requestIndex].tasks[taskIndex]
        body(&task)
        replaceTask(at: requestIndex, taskIndex, with: task)
    }

    /// Changes the own fields of the request at `index` (not its tasks, which `body` does not see);
    /// recorded when they differ.
    package mutating func updateRequest(at index: Int, _ body: (inout WorkRequest) -> Void) {
        var request = requests[index]
        let tasks = request.tasks
        request.tasks = []
        let before = request
        body(&request)
        precondition(
            request.tasks.isEmpty && request.id == before.id, "a request's tasks change through the task writes")
        guard request != before else { return }
        changes.touchFields(of: request.id)
        request.tasks = tasks
        requests[index] = request
    }

    /// Adds `tasks` after the last task of the request at `index`.
    package mutating func appendTasks(_ tasks: [WorkTask], toRequestAt index: Int) {
        guard !tasks.isEmpty else { return }
        let requestID = requests[index].id
        for task in tasks {
            taskOwners[task.id] = requestID
            changes.touch(task.id, of: requestID)
        }
        changes.grow(requestID)
        requests[index].tasks.append(contentsOf: tasks)
    }

    /// Adds a request after the last one.
    package mutating func appendRequest(_ request: WorkRequest) {
        for task in request.tasks { taskOwners[task.id] = request.id }
        changes.touchMembership()
        changes.touchFields(of: request.id)
        changes.grow(request.id)
        requests.append(request)
    }

    /// Takes out the requests with these ids, and the runs with these ids.
    package mutating func remove(requests ids: Set<WorkRequest.ID>, runs runIDs: Set<WorkflowRun.ID>) {
        let before = (requests.count, runs.count)
        requests.removeAll { ids.contains($0.id) }
        runs.removeAll { runIDs.contains($0.id) }
        if requests.count != before.0 { changes.touchMembership() }
        if runs.count != before.1 { changes.touchRuns() }
    }

    /// Adds a run after the last one.
    package mutating func appendRun(_ run: WorkflowRun) {
        changes.touchRuns()
        runs.append(run)
    }

    /// Changes the run at `index`; recorded when it differs.
    package mutating func updateRun(at index: Int, _ body: (inout WorkflowRun) -> Void) {
        var run = runs[index]
        body(&run)
        guard run != runs[index] else { return }
        changes.touchRuns()
        runs[index] = run
    }
}
