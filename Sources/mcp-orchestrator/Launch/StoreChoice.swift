import OrchestratorCore
import OrchestratorPostgres
import OrchestratorStorage
import OrchestratorSystem

/// Where the state lives: the JSON file (the default, nothing to install) or a PostgreSQL database
/// (`--store postgresql://…`, else `MCP_ORCHESTRATOR_STORE`), for several servers on one plan. Every
/// front end gets its persistence and its change hub from here, so the server, `serve`, the board and
/// every command follow one choice.
enum StoreChoice {
    case file
    case postgres(ConnectionString, PostgresClient)

    /// Why the choice cannot be followed, and the exit status that says so.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// 64 for a value that is not a store, 69 for a store this machine cannot open (no libpq).
        let exitStatus: Int32
    }

    /// The option's value, else the environment's; `file` or nothing is the file. A database loads
    /// libpq here, so a machine without it hears so once, before anything starts.
    static func resolve(option: String?, environment: [String: String]) -> Result<StoreChoice, Failure> {
        let text = option ?? environment["MCP_ORCHESTRATOR_STORE"] ?? ""
        if text.isEmpty || text == "file" { return .success(.file) }
        guard let connection = ConnectionString(text) else {
            let source = option == nil ? "MCP_ORCHESTRATOR_STORE" : "--store"
            return .failure(
                Failure(description: "\(source) takes file or a postgresql:// connection string", exitStatus: 64))
        }
        do {
            return .success(.postgres(connection, try PostgresStore.client(environment: environment)))
        } catch {
            return .failure(Failure(description: error.description, exitStatus: 69))
        }
    }

    /// The project's name in a database, from the same resolution as its file: the folder holding
    /// `.mcp-orchestrator/`, or the git repository's root, by its last component; `default` for the
    /// per-user file; `MCP_ORCHESTRATOR_PROJECT` names it outright.
    static func projectName(of location: StateLocation, environment: [String: String]) -> String {
        if let named = environment["MCP_ORCHESTRATOR_PROJECT"], !named.isEmpty { return named }
        guard let folder = location.project, let name = folder.split(separator: "/").last else { return "default" }
        return String(name)
    }

    /// The store for the state at `location`.
    ///
    /// - Parameter shared: the store is used by several threads at once (`serve`); the file store
    ///   then goes behind a mutex, while the database's takes every thread's changes as they come.
    func persistence(
        at location: StateLocation, environment: [String: String], lockWaitSeconds: Double,
        retentionSeconds: Int?, shared: Bool = false
    ) -> any StatePersistence {
        switch self {
        case .file:
            let store = StateStore(
                location: location, lockWaitSeconds: lockWaitSeconds,
                archivePolicy: retentionSeconds.map { ArchivePolicy(retentionSeconds: $0) })
            return shared ? SerializedPersistence(store) : store
        case .postgres(let connection, let client):
            return PostgresStore(
                client: client, connectionString: connection,
                project: Self.projectName(of: location, environment: environment), lockWaitSeconds: lockWaitSeconds,
                retentionSeconds: retentionSeconds)
        }
    }

    /// The hub that says the state changed: the file's watcher, or the database's notifications.
    func changes(at location: StateLocation, environment: [String: String]) -> (hub: StateChanges, stop: () -> Void) {
        guard case .postgres(let connection, let client) = self else {
            let hub = StateChanges(watching: location.path)
            return (hub, { hub.stop() })
        }
        let hub = StateChanges()
        let database = PostgresStore(
            client: client, connectionString: connection,
            project: Self.projectName(of: location, environment: environment))
        let listener = PostgresChanges(store: database, hub: hub)
        return (
            hub,
            {
                listener.stop()
                hub.stop()
            }
        )
    }

    /// A store `migrate` moves plans from or into: a `postgresql://` connection string (its project
    /// named by `project`, else as the servers name it), else a state file's path.
    static func transferStore(
        _ spec: String, project: String?, location: StateLocation, environment: [String: String],
        workingDirectory: String
    ) throws(PersistenceError) -> any StateTransfer {
        if let connection = ConnectionString(spec) {
            return PostgresStore(
                client: try PostgresStore.client(environment: environment), connectionString: connection,
                project: project ?? projectName(of: location, environment: environment))
        }
        let path = spec.hasPrefix("/") ? spec : workingDirectory + "/" + spec
        return StateStore(location: StateLocation(path: path, source: .option))
    }
}
