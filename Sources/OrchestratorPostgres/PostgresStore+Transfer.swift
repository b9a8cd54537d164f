package import OrchestratorCore
internal import OrchestratorSystem

/// The database as a move's target (`migrate`): a whole state written in one transaction, into a
/// project that holds nothing yet.
extension PostgresStore: StateTransfer {
    package func receive(_ state: OrchestratorState, revision: Int, archived: [ArchivedRequest])
        throws(PersistenceError)
    {
        var connection: PostgresConnection?
        do {
            let open = try connect()
            connection = open
            if let newer = try prepare(open) { throw newer }
            try open.execute("BEGIN")
            try open.execute(
                "INSERT INTO mcp_orchestrator.projects (name) VALUES ($1) ON CONFLICT DO NOTHING", [project])
            let found = try open.execute(
                """
                SELECT p.revision, (SELECT count(*) FROM mcp_orchestrator.archive a WHERE a.project = p.name)
                FROM mcp_orchestrator.projects p WHERE p.name = $1 FOR UPDATE
                """, [project])
            guard let row = found.first, row[0] == "0", row[1] == "0" else {
                try open.execute("ROLLBACK")
                throw PersistenceError(
                    code: "transfer_target_not_empty",
                    description:
                        "\(storedAt) already holds plans (or an archive); a move goes into an empty project only. Nothing was written."
                )
            }
            var everything = state
            everything.beginChange()
            let empty = Cached.empty
            var applied = Applied(state: everything, revision: revision)
            applied.touched.all(of: state)
            _ = try write(applied, archiving: archived, over: empty, on: open)
            try open.execute("COMMIT")
        } catch let failure as PersistenceError {
            throw failure
        } catch let failure as PostgresError {
            if let connection, connection.isHealthy { _ = try? connection.execute("ROLLBACK") }
            throw failure.persistence(project: project)
        } catch {
            throw PersistenceError(code: "store_failed", description: "\(error)")
        }
        cache.withLock { $0 = nil }
    }
}

extension PostgresStore.Touched {
    /// Every request and task of `state`, as a move writes them.
    mutating func all(of state: OrchestratorState) {
        any = true
        for request in state.requests {
            requests.insert(request.id)
            for task in request.tasks { tasks.insert(task.id) }
        }
    }
}
