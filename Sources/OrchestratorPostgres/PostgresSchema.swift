/// The store's tables, in a schema of their own (`mcp_orchestrator`) so they sit beside anything
/// else in the database. Each version is a list of statements that moves the tables one step
/// forward; a store opened on older tables runs the steps it lacks, once, under an advisory lock (two
/// servers starting together do not both migrate), and one opened on newer tables reads them and
/// refuses to write.
enum PostgresSchema {
    /// The tables' version this build writes.
    static let version = 1

    /// The schema's name; every table is qualified with it.
    static let name = "mcp_orchestrator"

    /// The advisory lock a migration holds: one number, shared by every build.
    static let migrationLock = "7301120417"

    /// The channel changes are announced on; the payload is the project's name.
    static let channel = "mcp_orchestrator_changes"

    /// The statements of each version, in order.
    ///
    /// Version 1: one row per project (its revision and id counters), per request (its own fields),
    /// per task (with its status beside its JSON, which a claim reads) and per workflow run, each with
    /// the revision that last wrote it so a server reads only what changed since it last looked; and
    /// the archive, a row per finished request.
    static let steps: [[String]] = [
        [
            """
            CREATE TABLE mcp_orchestrator.projects (
                name text PRIMARY KEY,
                revision bigint NOT NULL DEFAULT 0,
                next_request bigint NOT NULL DEFAULT 1,
                next_task bigint NOT NULL DEFAULT 1,
                next_run bigint NOT NULL DEFAULT 1)
            """,
            """
            CREATE TABLE mcp_orchestrator.requests (
                project text NOT NULL REFERENCES mcp_orchestrator.projects (name) ON DELETE CASCADE,
                id text NOT NULL,
                position bigint NOT NULL,
                status text NOT NULL,
                fields text NOT NULL,
                revision bigint NOT NULL,
                PRIMARY KEY (project, id))
            """,
            "CREATE INDEX requests_by_revision ON mcp_orchestrator.requests (project, revision)",
            """
            CREATE TABLE mcp_orchestrator.tasks (
                project text NOT NULL,
                id text NOT NULL,
                request_id text NOT NULL,
                position integer NOT NULL,
                status text NOT NULL,
                body text NOT NULL,
                revision bigint NOT NULL,
                PRIMARY KEY (project, id),
                FOREIGN KEY (project, request_id) REFERENCES mcp_orchestrator.requests (project, id) ON DELETE CASCADE)
            """,
            "CREATE INDEX tasks_by_revision ON mcp_orchestrator.tasks (project, revision)",
            "CREATE INDEX tasks_by_request ON mcp_orchestrator.tasks (project, request_id)",
            """
            CREATE TABLE mcp_orchestrator.runs (
                project text NOT NULL REFERENCES mcp_orchestrator.projects (name) ON DELETE CASCADE,
                id text NOT NULL,
                position bigint NOT NULL,
                body text NOT NULL,
                revision bigint NOT NULL,
                PRIMARY KEY (project, id))
            """,
            """
            CREATE TABLE mcp_orchestrator.archive (
                project text NOT NULL REFERENCES mcp_orchestrator.projects (name) ON DELETE CASCADE,
                id text NOT NULL,
                position bigserial,
                archived_at text NOT NULL,
                line text NOT NULL,
                PRIMARY KEY (project, id))
            """,
        ]
    ]

    /// What `prepare` found: the tables' version, and the state format's.
    struct Found: Equatable {
        let schema: Int
        let format: Int
    }

    /// Brings the tables to this build's version, or leaves newer ones as they are.
    ///
    /// - Parameter format: the state format this build writes (rows hold its JSON).
    static func prepare(_ connection: PostgresConnection, format: Int) throws(PostgresError) -> Found {
        try connection.transaction { () throws(PostgresError) -> Found in
            try connection.execute("SELECT pg_advisory_xact_lock(\(migrationLock))")
            try connection.execute("CREATE SCHEMA IF NOT EXISTS \(name)")
            try connection.execute(
                "CREATE TABLE IF NOT EXISTS \(name).meta (key text PRIMARY KEY, value text NOT NULL)")
            let rows = try connection.execute("SELECT key, value FROM \(name).meta")
            var meta: [String: Int] = [:]
            for row in rows.rows { if let key = row[0], let value = row[1].flatMap({ Int($0) }) { meta[key] = value } }
            let schema = meta["schema"] ?? 0
            let storedFormat = meta["format"] ?? 0
            if schema > version || storedFormat > format { return Found(schema: schema, format: storedFormat) }
            for step in steps[schema...] {
                for statement in step { try connection.execute(statement) }
            }
            let upsert =
                "INSERT INTO \(name).meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            try connection.execute(upsert, ["schema", String(version)])
            try connection.execute(upsert, ["format", String(format)])
            return Found(schema: version, format: format)
        }
    }
}
