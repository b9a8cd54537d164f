/// Everything the orchestrator knows: the document the state file holds.
///
/// Ids come from counters kept in the state itself, so several processes sharing one file never hand
/// out the same id: the counter is read and advanced under the file lock like any other change.
package struct OrchestratorState: Sendable, Equatable {
    /// Oldest first: the scheduler serves the oldest active request first.
    package var requests: [WorkRequest]
    /// Workflow runs, oldest first; each links to the request that records its steps.
    package var runs: [WorkflowRun]
    package var nextRequestNumber: Int
    package var nextTaskNumber: Int
    package var nextRunNumber: Int
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

    /// Every field, with the requests compared in place (see `equalsInPlace`).
    package static func == (lhs: OrchestratorState, rhs: OrchestratorState) -> Bool {
        lhs.nextRequestNumber == rhs.nextRequestNumber && lhs.nextTaskNumber == rhs.nextTaskNumber
            && lhs.nextRunNumber == rhs.nextRunNumber && lhs.runs == rhs.runs
            && lhs.requests.equalsInPlace(rhs.requests)
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
        return WorkRequest.ID("req-\(nextRequestNumber)")
    }

    mutating func makeRunID() -> WorkflowRun.ID {
        defer { nextRunNumber += 1 }
        return WorkflowRun.ID("run-\(nextRunNumber)")
    }

    /// Records which request a new task belongs to (the `locate` hint).
    mutating func noteOwner(of task: WorkTask.ID, _ request: WorkRequest.ID) {
        taskOwners[task] = request
    }

    mutating func makeTaskID() -> WorkTask.ID {
        defer { nextTaskNumber += 1 }
        return WorkTask.ID("task-\(nextTaskNumber)")
    }
}
