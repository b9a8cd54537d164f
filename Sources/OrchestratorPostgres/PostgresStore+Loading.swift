internal import OrchestratorCore

extension PostgresStore {
    /// One statement, so one snapshot and one round trip: the project's row, the live requests' and
    /// runs' places, and every request, task and run written after the revision `$2`. Each row says
    /// what it is in its first column.
    static let changedRows = """
        SELECT 'p', name, revision::text, next_request::text, next_task::text || ',' || next_run::text
            FROM mcp_orchestrator.projects WHERE name = $1
        UNION ALL SELECT 'l', id, position::text, NULL, NULL FROM mcp_orchestrator.requests WHERE project = $1
        UNION ALL SELECT 'r', id, NULL, fields, NULL FROM mcp_orchestrator.requests
            WHERE project = $1 AND revision > $2
        UNION ALL SELECT 't', id, position::text, body, request_id FROM mcp_orchestrator.tasks
            WHERE project = $1 AND revision > $2
        UNION ALL SELECT 'k', id, position::text, NULL, NULL FROM mcp_orchestrator.runs WHERE project = $1
        UNION ALL SELECT 'u', id, NULL, body, NULL FROM mcp_orchestrator.runs WHERE project = $1 AND revision > $2
        """

    /// What the database holds for the project, built from `known` and the rows written after its
    /// revision (all of them when nothing is known).
    func refresh(_ known: Cached?, on connection: PostgresConnection) throws(PostgresError) -> Cached {
        let rows = try connection.execute(
            Self.changedRows, [project, String(known?.revision ?? -1)], prepared: true
        ).rows
        do {
            return try merge(rows, into: known)
        } catch {
            throw PostgresError(state: error.state, message: error.message, target: connection.target)
        }
    }

    /// `known` brought up to date with `rows` (of `changedRows`).
    private func merge(_ rows: [[String?]], into known: Cached?) throws(PostgresError) -> Cached {
        guard let project = rows.first(where: { $0[0] == "p" }) else { return .empty }
        let revision = Int(project[2] ?? "") ?? 0
        if let known, known.revision == revision { return known }
        var cached = known ?? .empty
        var requests: [WorkRequest.ID: WorkRequest] = [:]
        for request in cached.state.requests { requests[request.id] = request }
        var runs: [WorkflowRun.ID: WorkflowRun] = [:]
        for run in cached.state.runs { runs[run.id] = run }
        var requestPositions: [WorkRequest.ID: Int] = [:]
        var runPositions: [WorkflowRun.ID: Int] = [:]
        var tasks: [(request: WorkRequest.ID, position: Int, task: WorkTask)] = []
        for row in rows {
            let id = row[1] ?? ""
            switch row[0] {
            case "l": requestPositions[WorkRequest.ID(id)] = Int(row[2] ?? "") ?? 0
            case "k": runPositions[WorkflowRun.ID(id)] = Int(row[2] ?? "") ?? 0
            case "r":
                var fields = try RowCoding.request(row[3] ?? "", id: id)
                fields.tasks = requests[fields.id]?.tasks ?? []
                requests[fields.id] = fields
            case "t":
                tasks.append(
                    (WorkRequest.ID(row[4] ?? ""), Int(row[2] ?? "") ?? 0, try RowCoding.task(row[3] ?? "", id: id)))
            case "u":
                let run = try RowCoding.run(row[3] ?? "", id: id)
                runs[run.id] = run
            default: break
            }
        }
        // Tasks go where they stand; new ones are appended in their order. Each request is taken out
        // while its tasks change, so its list is copied once, not once per task.
        tasks.sort { ($0.request.rawValue, $0.position) < ($1.request.rawValue, $1.position) }
        var index = 0
        while index < tasks.count {
            let requestID = tasks[index].request
            var request = requests.removeValue(forKey: requestID)
            while index < tasks.count, tasks[index].request == requestID {
                let (_, position, task) = tasks[index]
                if position < request?.tasks.count ?? 0 {
                    request?.tasks[position] = task
                } else {
                    request?.tasks.append(task)
                }
                index += 1
            }
            if let request { requests[requestID] = request }
        }
        let counters = (project[4] ?? "").split(separator: ",").map { Int($0) ?? 1 }
        cached.revision = revision
        cached.requestPositions = requestPositions
        cached.runPositions = runPositions
        cached.state = OrchestratorState(
            requests: requestPositions.sorted { $0.value < $1.value }.compactMap { requests[$0.key] },
            runs: runPositions.sorted { $0.value < $1.value }.compactMap { runs[$0.key] },
            nextRequestNumber: Int(project[3] ?? "") ?? 1, nextTaskNumber: counters.first ?? 1,
            nextRunNumber: counters.count > 1 ? counters[1] : 1)
        return cached
    }
}
