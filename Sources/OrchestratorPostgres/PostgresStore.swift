package import OrchestratorCore
internal import OrchestratorFormat
package import OrchestratorSystem

/// The state in PostgreSQL, for several servers on one plan: the core's `StatePersistence` on
/// tables, one row per project, request, task, workflow run and archived request.
///
/// A change is one transaction. It takes the project's row `FOR UPDATE` — the database's lock in
/// place of the state file's — reads only the rows written since this server last looked (each row
/// carries the revision that wrote it), applies the change to the state in memory, writes back only
/// the rows the change touched, moves the project's revision on by one and announces it with
/// `NOTIFY`. Changes made at once on one server go in one transaction (`CommitQueue`, led by the first
/// of their callers), each applied
/// in turn and counted as a revision of its own, so a burst of agents costs one lock and one flush
/// of the write-ahead log, not one each. Nothing is acknowledged before the transaction commits.
///
/// A read asks for the project's revision, and when it moved, reads the rows that changed since in
/// one statement (one snapshot).
package final class PostgresStore: StatePersistence, @unchecked Sendable {
    /// The project in the database: a database holds many.
    package let project: String
    let connectionString: ConnectionString
    let library: LibPQ
    let lockWaitSeconds: Double
    /// How long finished requests stay live before they move to the archive; `nil` keeps them.
    let retentionSeconds: Int?
    let clock: WallClock
    /// What this server last read: the state at a revision, and where each row sits.
    let cache = Locked<Cached?>(nil)
    /// The connection reads use, one read at a time.
    private let reader = Locked<PostgresConnection?>(nil)
    private var committer: CommitQueue!
    /// The tables' version as found on the first use, once they are prepared.
    let prepared = Locked<PostgresSchema.Found?>(nil)

    /// What this server knows of the project.
    struct Cached {
        var revision: Int
        var state: OrchestratorState
        /// The requests' and runs' places in their order (new ones go after the last).
        var requestPositions: [WorkRequest.ID: Int]
        var runPositions: [WorkflowRun.ID: Int]

        static let empty = Cached(revision: 0, state: OrchestratorState(), requestPositions: [:], runPositions: [:])
    }

    /// Loads libpq (once per process), or says in one sentence what to install; `environment` may
    /// name the library (`MCP_ORCHESTRATOR_LIBPQ`).
    package static func client(environment: [String: String]) throws(PersistenceError) -> PostgresClient {
        do { return PostgresClient(library: try LibPQ.shared(environment: environment)) } catch {
            throw PersistenceError(code: "store_unavailable", description: error.description)
        }
    }

    /// - Parameters:
    ///   - client: libpq, loaded.
    ///   - project: the project's name, from the same resolution as the state file's.
    package init(
        client: PostgresClient, connectionString: ConnectionString, project: String, lockWaitSeconds: Double = 10,
        retentionSeconds: Int? = nil, clock: WallClock = .system
    ) {
        library = client.library
        self.connectionString = connectionString
        self.project = project
        self.lockWaitSeconds = lockWaitSeconds
        self.retentionSeconds = retentionSeconds
        self.clock = clock
        committer = CommitQueue(store: self)
    }

    package var storedAt: String { "\(connectionString.redacted) (project \(project))" }

    package var exists: Bool {
        // A project, once made, is never taken out: what was seen once is there.
        if let known = cache.current, known.revision > 0 { return true }
        let found = try? withReader { (connection) throws(PostgresError) in
            // A database new to this program gets its tables first, as on every other way in.
            _ = try prepare(connection)
            return try connection.execute("SELECT 1 FROM mcp_orchestrator.projects WHERE name = $1", [project]).first
                != nil
        }
        // A store that cannot be asked is treated as there, so the read that follows says why.
        return found ?? true
    }

    package func snapshot() throws(PersistenceError) -> StateSnapshot {
        let known = cache.current
        let (cached, readOnly) = try withReader { (connection) throws(PostgresError) -> (Cached, PersistenceError?) in
            let readOnly = try prepare(connection)
            let revision = try connection.execute(
                "SELECT revision FROM mcp_orchestrator.projects WHERE name = $1", [project], prepared: true
            ).first.flatMap { $0[0].flatMap { Int($0) } }
            if let known, known.revision == (revision ?? 0) { return (known, readOnly) }
            // One statement: one snapshot of every row it reads.
            return (try refresh(known, on: connection), readOnly)
        }
        remember(cached)
        return StateSnapshot(state: cached.state, revision: cached.revision, readOnlyReason: readOnly)
    }

    package func commit<Outcome>(
        _ change: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(ChangeFailure) -> Committed<Outcome> {
        try committer.commit(change)
    }

    package func archived() throws(PersistenceError) -> [ArchivedRequest] {
        let rows = try withReader { (connection) throws(PostgresError) in
            _ = try prepare(connection)
            return try connection.execute(
                "SELECT id, line FROM mcp_orchestrator.archive WHERE project = $1 ORDER BY position", [project])
        }
        return try rows.rows.map { (row) throws(PersistenceError) in
            try RowCoding.archived(row[1] ?? "", id: row[0] ?? "", store: storedAt)
        }
    }

    /// Keeps `cached` when it is newer than what is kept.
    func remember(_ cached: Cached) {
        cache.withLock { kept in
            if (kept?.revision ?? -1) <= cached.revision { kept = cached }
        }
    }

    /// Opens a connection with this store's settings: a lock waited for at most `lockWaitSeconds`, a
    /// statement given a bound, and the server's name for this program.
    func connect() throws(PostgresError) -> PostgresConnection {
        let connection = try PostgresConnection(library: library, connectionString: connectionString)
        let waitMilliseconds = Int(lockWaitSeconds * 1000)
        try connection.execute("SET lock_timeout = \(waitMilliseconds)")
        try connection.execute("SET statement_timeout = \(waitMilliseconds + 30_000)")
        try connection.execute("SET idle_in_transaction_session_timeout = 60000")
        try connection.execute("SET client_min_messages = warning")
        return connection
    }

    /// Makes sure the tables are this build's (once per store); says why writes must stop when
    /// they are newer.
    func prepare(_ connection: PostgresConnection) throws(PostgresError) -> PersistenceError? {
        let found: PostgresSchema.Found
        if let known = prepared.current {
            found = known
        } else {
            found = try PostgresSchema.prepare(connection, format: StateSchema.currentVersion)
            prepared.withLock { $0 = found }
        }
        guard found.schema > PostgresSchema.version || found.format > StateSchema.currentVersion else { return nil }
        return PersistenceError(
            code: "state_newer_schema",
            description:
                "The PostgreSQL store \(connectionString.redacted) has tables of version \(found.schema) and state format \(found.format), newer than the \(PostgresSchema.version) and \(StateSchema.currentVersion) this version understands. It is left untouched and changes are refused; upgrade mcp-orchestrator.",
            blocksReads: false)
    }

    /// Runs `body` on the reading connection, opening it (again) when it is missing or broken; any
    /// failure becomes the port's error.
    private func withReader<Result>(_ body: (PostgresConnection) throws(PostgresError) -> Result)
        throws(PersistenceError) -> Result
    {
        do throws(PostgresError) {
            return try reader.withLock { (connection: inout PostgresConnection?) throws(PostgresError) -> Result in
                if connection?.isHealthy != true { connection = nil }
                let open: PostgresConnection
                if let connection {
                    open = connection
                } else {
                    open = try connect()
                }
                connection = open
                do throws(PostgresError) { return try body(open) } catch {
                    if !open.isHealthy || error.isUnavailable { connection = nil }
                    throw error
                }
            }
        } catch {
            throw error.persistence(project: project)
        }
    }

    /// Refuses changes from now on and lets the reading connection go (a change under way finishes).
    package func close() {
        committer.stop()
        reader.withLock { $0 = nil }
    }
}

/// libpq, loaded: what a store is opened with once the library is known to be there.
package struct PostgresClient: Sendable {
    let library: LibPQ
}
