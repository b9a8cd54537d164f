internal import Dispatch
internal import OrchestratorCore
internal import OrchestratorSystem

extension PostgresStore {
    /// Commits `items` in one transaction on the leader's connection and settles each with its
    /// ending (the leader then wakes their callers); a failure of the transaction is every change's.
    func commitBatch(_ items: [CommitQueue.Item], connection: inout PostgresConnection?) {
        var endings: [StateSnapshot?] = []
        var failure: PersistenceError?
        do {
            if connection?.isHealthy != true { connection = try connect() }
            guard let open = connection else { return }
            if let newer = try prepare(open) {
                failure = newer
            } else {
                endings = try transact(items, on: open)
            }
        } catch {
            if connection?.isHealthy != true || error.isUnavailable { connection = nil }
            failure = error.persistence(project: project)
        }
        for (index, item) in items.enumerated() {
            item.apply = nil
            if let failure {
                item.failure = failure
            } else {
                item.snapshot = endings[index]
            }
            item.isSettled = true
        }
    }

    /// The transaction: the project's row locked, the state brought up to date, every change applied
    /// in turn, the rows they touched written, the revision moved on and announced. Returns each
    /// change's state after it (`nil` for one a rule refused).
    private func transact(_ items: [CommitQueue.Item], on connection: PostgresConnection) throws(PostgresError)
        -> [StateSnapshot?]
    {
        // A batch that changes nothing commits nothing: its transaction only held the project's row.
        let (endings, after) = try connection.transaction { () throws(PostgresError) -> ([StateSnapshot?], Cached?) in
            var locked = try lockProject(on: connection)
            var known = try upToDate(cache.current, locked: locked, on: connection)
            var applied = apply(items, to: known)
            if applied.touched.isEmpty { return (applied.endings, locked == nil ? nil : known) }
            if locked == nil {
                // The first change of a project makes its row; another server may have made it meanwhile.
                try connection.execute(
                    "INSERT INTO mcp_orchestrator.projects (name) VALUES ($1) ON CONFLICT DO NOTHING", [project])
                locked = try lockProject(on: connection)
                let now = try upToDate(nil, locked: locked, on: connection)
                if now.revision != known.revision {
                    known = now
                    applied = apply(items, to: known)
                }
            }
            var finished: [ArchivedRequest] = []
            if let retentionSeconds {
                let now = clock.now()
                finished = applied.state.takeFinished(before: now.adding(seconds: -retentionSeconds), at: now)
            }
            return (applied.endings, try write(applied, archiving: finished, over: known, on: connection))
        }
        if let after { remember(after) }
        return endings
    }

    /// Takes the project's row for this transaction and returns its revision; `nil` when the project
    /// has none yet.
    private func lockProject(on connection: PostgresConnection) throws(PostgresError) -> Int? {
        try connection.execute(
            "SELECT revision FROM mcp_orchestrator.projects WHERE name = $1 FOR UPDATE", [project], prepared: true
        ).first.map { Int($0[0] ?? "") ?? 0 }
    }

    /// `known` when the locked row's revision says nothing changed since; else read again.
    private func upToDate(_ known: Cached?, locked: Int?, on connection: PostgresConnection) throws(PostgresError)
        -> Cached
    {
        guard let locked else { return .empty }
        if let known, known.revision == locked { return known }
        return try refresh(known, on: connection)
    }

    /// What a batch did to the state: the state after it, each change's ending, and what they touched.
    struct Applied {
        var state: OrchestratorState
        var revision: Int
        var endings: [StateSnapshot?] = []
        var touched = Touched()
    }

    /// What the changes of a batch touched, together.
    struct Touched {
        var requests: Set<WorkRequest.ID> = []
        var tasks: Set<WorkTask.ID> = []
        var any = false

        var isEmpty: Bool { !any }

        mutating func add(_ record: ChangeRecord) {
            any = true
            for (request, touch) in record.requests {
                if touch.fields { requests.insert(request) }
                tasks.formUnion(touch.tasks)
            }
        }
    }

    /// Applies each change in turn to the batch's state, in place: a change copies nothing that the
    /// one before it already copied. Every change of the batch answers with the batch's state after
    /// the last (each outcome is its own). A change a rule refused after it had written something
    /// (rules are checked before writing, so this is rare) sends the batch down the careful path.
    private func apply(_ items: [CommitQueue.Item], to known: Cached) -> Applied {
        var applied = Applied(state: known.state, revision: known.revision)
        var accepted: [Bool] = []
        for item in items {
            applied.state.beginChange()
            let refused = item.apply?(&applied.state) ?? true
            let record = applied.state.changes
            if refused {
                if !record.isEmpty { return applyCarefully(items, to: known) }
                accepted.append(false)
                continue
            }
            if !record.isEmpty {
                applied.touched.add(record)
                applied.revision += 1
            }
            accepted.append(true)
        }
        let after = StateSnapshot(state: applied.state, revision: applied.revision, readOnlyReason: nil)
        applied.endings = accepted.map { $0 ? after : nil }
        return applied
    }

    /// Applies each change to a copy of the state, kept unless a rule refused it: what a refusal
    /// wrote before it was refused is dropped with its copy.
    private func applyCarefully(_ items: [CommitQueue.Item], to known: Cached) -> Applied {
        var applied = Applied(state: known.state, revision: known.revision)
        for item in items {
            var attempt = applied.state
            attempt.beginChange()
            let refused = item.apply?(&attempt) ?? true
            if refused {
                applied.endings.append(nil)
                continue
            }
            if !attempt.changes.isEmpty {
                applied.touched.add(attempt.changes)
                applied.revision += 1
                applied.state = attempt
            }
            applied.endings.append(
                StateSnapshot(state: applied.state, revision: applied.revision, readOnlyReason: nil))
        }
        return applied
    }

    /// Everything a batch writes, in one statement (one round trip while the project's row is held):
    /// the requests taken out (their tasks go with them), the requests, tasks and runs that changed or
    /// came, the runs taken out, the requests archived, and the project's revision and counters,
    /// announced on the channel. Empty lists write nothing.
    static let batchWrite = """
        WITH gone AS (
            DELETE FROM mcp_orchestrator.requests WHERE project = $1 AND id = ANY($3::text[])),
        requests AS (
            INSERT INTO mcp_orchestrator.requests (project, id, position, status, fields, revision)
            SELECT $1, u.id, u.position, u.status, u.fields, $2
            FROM unnest($4::text[], $5::bigint[], $6::text[], $7::text[]) AS u (id, position, status, fields)
            ON CONFLICT (project, id) DO UPDATE
            SET status = excluded.status, fields = excluded.fields, revision = excluded.revision),
        tasks AS (
            INSERT INTO mcp_orchestrator.tasks (project, id, request_id, position, status, body, revision)
            SELECT $1, u.id, u.request_id, u.position, u.status, u.body, $2
            FROM unnest($8::text[], $9::text[], $10::integer[], $11::text[], $12::text[])
                AS u (id, request_id, position, status, body)
            ON CONFLICT (project, id) DO UPDATE
            SET position = excluded.position, status = excluded.status, body = excluded.body,
                revision = excluded.revision),
        runs_gone AS (
            DELETE FROM mcp_orchestrator.runs WHERE project = $1 AND id = ANY($13::text[])),
        runs AS (
            INSERT INTO mcp_orchestrator.runs (project, id, position, body, revision)
            SELECT $1, u.id, u.position, u.body, $2
            FROM unnest($14::text[], $15::bigint[], $16::text[]) AS u (id, position, body)
            ON CONFLICT (project, id) DO UPDATE SET body = excluded.body, revision = excluded.revision),
        archived AS (
            INSERT INTO mcp_orchestrator.archive (project, id, archived_at, line)
            SELECT $1, u.id, u.archived_at, u.line FROM unnest($17::text[], $18::text[], $19::text[])
                AS u (id, archived_at, line)
            ON CONFLICT (project, id) DO UPDATE SET archived_at = excluded.archived_at, line = excluded.line),
        project AS (
            UPDATE mcp_orchestrator.projects
            SET revision = $2, next_request = $20, next_task = $21, next_run = $22 WHERE name = $1
            RETURNING name)
        SELECT pg_notify($23, name) FROM project
        """

    /// Writes the rows the batch touched, the requests it archived, and the project's revision and
    /// counters; returns what this server now knows.
    func write(
        _ applied: Applied, archiving finished: [ArchivedRequest], over known: Cached,
        on connection: PostgresConnection
    ) throws(PostgresError) -> Cached {
        let state = applied.state
        var after = known
        after.revision = applied.revision
        after.state = state

        // Requests: the ones whose own fields changed, and the new ones, which go after the last.
        var nextPosition = (known.requestPositions.values.max() ?? 0) + 1
        var positions: [WorkRequest.ID: Int] = [:]
        var requestRows: (ids: [String?], positions: [Int], statuses: [String?], fields: [String?]) = ([], [], [], [])
        for request in state.requests {
            let position: Int
            if let kept = known.requestPositions[request.id] {
                position = kept
                positions[request.id] = kept
                guard applied.touched.requests.contains(request.id) else { continue }
            } else {
                position = nextPosition
                nextPosition += 1
                positions[request.id] = position
            }
            requestRows.ids.append(request.id.rawValue)
            requestRows.positions.append(position)
            requestRows.statuses.append(request.status.rawValue)
            requestRows.fields.append(RowCoding.text(request))
        }
        after.requestPositions = positions
        let gone = known.requestPositions.keys.filter { positions[$0] == nil }.map { Optional($0.rawValue) }

        // Tasks: the ones that changed or were added, where they stand in their request.
        var taskRows: (ids: [String?], requests: [String?], positions: [Int], statuses: [String?], bodies: [String?]) =
            ([], [], [], [], [])
        for id in applied.touched.tasks {
            guard let (requestIndex, taskIndex) = state.locate(id) else { continue }
            let task = state.requests[requestIndex].tasks[taskIndex]
            taskRows.ids.append(id.rawValue)
            taskRows.requests.append(state.requests[requestIndex].id.rawValue)
            taskRows.positions.append(taskIndex)
            taskRows.statuses.append(task.status.rawValue)
            taskRows.bodies.append(RowCoding.text(task))
        }

        // Workflow runs: the new or changed ones, and those gone.
        var before: [WorkflowRun.ID: WorkflowRun] = [:]
        for run in known.state.runs { before[run.id] = run }
        var nextRunPosition = (known.runPositions.values.max() ?? 0) + 1
        var runPositions: [WorkflowRun.ID: Int] = [:]
        var runRows: (ids: [String?], positions: [Int], bodies: [String?]) = ([], [], [])
        for run in state.runs {
            let position = known.runPositions[run.id] ?? nextRunPosition
            if known.runPositions[run.id] == nil { nextRunPosition += 1 }
            runPositions[run.id] = position
            guard before[run.id] != run else { continue }
            runRows.ids.append(run.id.rawValue)
            runRows.positions.append(position)
            runRows.bodies.append(RowCoding.text(run))
        }
        after.runPositions = runPositions
        let runsGone = known.runPositions.keys.filter { runPositions[$0] == nil }.map { Optional($0.rawValue) }

        try connection.execute(
            Self.batchWrite,
            [
                project, String(applied.revision), PostgresArray.literal(gone),
                PostgresArray.literal(requestRows.ids), PostgresArray.literal(requestRows.positions),
                PostgresArray.literal(requestRows.statuses), PostgresArray.literal(requestRows.fields),
                PostgresArray.literal(taskRows.ids), PostgresArray.literal(taskRows.requests),
                PostgresArray.literal(taskRows.positions), PostgresArray.literal(taskRows.statuses),
                PostgresArray.literal(taskRows.bodies), PostgresArray.literal(runsGone),
                PostgresArray.literal(runRows.ids), PostgresArray.literal(runRows.positions),
                PostgresArray.literal(runRows.bodies),
                PostgresArray.literal(finished.map { $0.request.id.rawValue }),
                PostgresArray.literal(finished.map { $0.archivedAt.description }),
                PostgresArray.literal(finished.map { RowCoding.line($0) }), String(state.nextRequestNumber),
                String(state.nextTaskNumber), String(state.nextRunNumber), PostgresSchema.channel,
            ], prepared: true)
        return after
    }
}
