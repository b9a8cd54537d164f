/// A finished request moved out of the live state file into the append-only archive beside it, with
/// the workflow runs it recorded.
package struct ArchivedRequest: Sendable, Equatable {
    package let request: WorkRequest
    package let runs: [WorkflowRun]
    package let archivedAt: Timestamp

    package init(request: WorkRequest, runs: [WorkflowRun], archivedAt: Timestamp) {
        self.request = request
        self.runs = runs
        self.archivedAt = archivedAt
    }
}

extension OrchestratorState {
    /// Takes out what finished before `cutoff`: completed requests and the requests of ended workflow
    /// runs, with those runs. The id counters stay, so ids are never reused.
    package mutating func takeFinished(before cutoff: Timestamp, at now: Timestamp) -> [ArchivedRequest] {
        var taken: [ArchivedRequest] = []
        var requestIDs: Set<WorkRequest.ID> = []
        var runIDs: Set<WorkflowRun.ID> = []
        for request in requests {
            let run = request.workflowRun.flatMap { id in runs.first { $0.id == id } }
            let finished: Bool =
                if let run {
                    run.status != .running && (run.finishedAt ?? run.updatedAt) < cutoff
                } else {
                    request.workflowRun == nil && request.status == .completed && (request.completedAt ?? now) < cutoff
                }
            if finished {
                taken.append(ArchivedRequest(request: request, runs: run.map { [$0] } ?? [], archivedAt: now))
                requestIDs.insert(request.id)
                if let run { runIDs.insert(run.id) }
            }
        }
        guard !taken.isEmpty else { return [] }
        remove(requests: requestIDs, runs: runIDs)
        return taken
    }
}
