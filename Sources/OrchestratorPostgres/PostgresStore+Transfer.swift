package import OrchestratorCore
internal import OrchestratorSystem

/// The database as a move's target (`migrate`): a whole state written in one transaction, into a
/// project that holds nothing yet.
extension PostgresStore: StateTransfer {
    package func receive(_ state: OrchestratorState, revision: Int, archived: [ArchivedRequest])
        throws(PersistenceError)
    {
        let newer: PersistenceError?
        var written = false
        do throws(PostgresError) {
            let connection = try connect()
            newer = try prepare(connection)
            if newer == nil {
                written = try connection.transaction { () throws(PostgresError) -> Bool in
                    try connection.execute(
                        "INSERT INTO mcp_orchestrator.projects (name) VALUES ($1) ON CONFLICT DO NOTHING", [project])
                    let found = try connection.execute(
                        """
                        SELECT p.revision, (SELECT count(*) FROM mcp_orchestrator.archive a WHERE a.project = p.name)
                        FROM mcp_orchestrator.projects p WHERE p.name = $1 FOR UPDATE
                        """, [project])
                    guard let row = found.first, row[0] == "0", row[1] == "0" else { return false }
                    var everything = state
                    everything.beginChange()
                    var applied = Applied(state: everything, revision: revision)
                    applied.touched.all(of: state)
                    _ = try write(applied, archiving: archived, over: .empty, on: connection)
                    return true
                }
            }
        } catch {
            throw error.persistence(project: project)
        }
        if let newer { throw newer }
        guard written else {
            throw PersistenceError(
                code: "transfer_target_not_empty",
                description:
                    "\(storedAt) already holds plans (or an archive); a move goes into an empty project only. Nothing was written."
            )
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
