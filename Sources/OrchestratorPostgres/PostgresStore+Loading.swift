internal import OrchestratorCore

extension PostgresStore {
    /// What the database holds for the project, built from `known` and the rows written after its
    /// revision (all of them when nothing is known). Runs inside a transaction that sees one
    /// snapshot: a reading one, or a change's, which holds the project's row.
    func refresh(_ known: Cached?, on connection: PostgresConnection) throws(PostgresError) -> Cached {
        let project = try connection.execute(
            "SELECT revision, next_request, next_task, next_run FROM mcp_orchestrator.projects WHERE name = $1",
            [self.project])
        guard let row = project.first else { return .empty }
        let revision = Int(row[0] ?? "") ?? 0
        if let known, known.revision == revision { return known }
        let since = String(known?.revision ?? -1)
        var cached = known ?? .empty
        do {
            try readRequests(since: since, into: &cached, on: connection)
            try readRuns(since: since, into: &cached, on: connection)
        } catch  where error.state == "XX001" {
            throw PostgresError(state: error.state, message: error.message, target: connection.target)
        }
        cached.revision = revision
        cached.state = OrchestratorState(
            requests: cached.state.requests, runs: cached.state.runs, nextRequestNumber: Int(row[1] ?? "") ?? 1,
            nextTaskNumber: Int(row[2] ?? "") ?? 1, nextRunNumber: Int(row[3] ?? "") ?? 1)
        return cached
    }

    /// The requests and tasks written after `since`, merged into `cached`, and the requests gone.
    private func readRequests(since: String, into cached: inout Cached, on connection: PostgresConnection)
        throws(PostgresError)
    {
        let live = try connection.execute(
            "SELECT id, position FROM mcp_orchestrator.requests WHERE project = $1", [project])
        let changedRequests = try connection.execute(
            "SELECT id, fields FROM mcp_orchestrator.requests WHERE project = $1 AND revision > $2", [project, since])
        let changedTasks = try connection.execute(
            """
            SELECT request_id, id, position, body FROM mcp_orchestrator.tasks
            WHERE project = $1 AND revision > $2 ORDER BY request_id, position
            """, [project, since])
        var byID: [WorkRequest.ID: WorkRequest] = [:]
        for request in cached.state.requests { byID[request.id] = request }
        var positions: [WorkRequest.ID: Int] = [:]
        for row in live.rows {
            positions[WorkRequest.ID(row[0] ?? "")] = Int(row[1] ?? "") ?? 0
        }
        for row in changedRequests.rows {
            let id = row[0] ?? ""
            var fields = try RowCoding.request(row[1] ?? "", id: id)
            fields.tasks = byID[fields.id]?.tasks ?? []
            byID[fields.id] = fields
        }
        for row in changedTasks.rows {
            let requestID = WorkRequest.ID(row[0] ?? "")
            let position = Int(row[2] ?? "") ?? 0
            let task = try RowCoding.task(row[3] ?? "", id: row[1] ?? "")
            guard var request = byID[requestID] else { continue }
            if position < request.tasks.count {
                request.tasks[position] = task
            } else {
                request.tasks.append(task)
            }
            byID[requestID] = request
        }
        cached.requestPositions = positions
        let ordered = positions.sorted { $0.value < $1.value }.compactMap { byID[$0.key] }
        cached.state = OrchestratorState(
            requests: ordered, runs: cached.state.runs, nextRequestNumber: cached.state.nextRequestNumber,
            nextTaskNumber: cached.state.nextTaskNumber, nextRunNumber: cached.state.nextRunNumber)
    }

    /// The workflow runs written after `since`, merged into `cached`, and the runs gone.
    private func readRuns(since: String, into cached: inout Cached, on connection: PostgresConnection)
        throws(PostgresError)
    {
        let live = try connection.execute(
            "SELECT id, position FROM mcp_orchestrator.runs WHERE project = $1", [project])
        let changed = try connection.execute(
            "SELECT id, body FROM mcp_orchestrator.runs WHERE project = $1 AND revision > $2", [project, since])
        var byID: [WorkflowRun.ID: WorkflowRun] = [:]
        for run in cached.state.runs { byID[run.id] = run }
        for row in changed.rows {
            let run = try RowCoding.run(row[1] ?? "", id: row[0] ?? "")
            byID[run.id] = run
        }
        var positions: [WorkflowRun.ID: Int] = [:]
        for row in live.rows { positions[WorkflowRun.ID(row[0] ?? "")] = Int(row[1] ?? "") ?? 0 }
        cached.runPositions = positions
        let ordered = positions.sorted { $0.value < $1.value }.compactMap { byID[$0.key] }
        cached.state = OrchestratorState(
            requests: cached.state.requests, runs: ordered, nextRequestNumber: cached.state.nextRequestNumber,
            nextTaskNumber: cached.state.nextTaskNumber, nextRunNumber: cached.state.nextRunNumber)
    }
}
