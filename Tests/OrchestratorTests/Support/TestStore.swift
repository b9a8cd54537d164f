import OrchestratorCore
import OrchestratorPostgres
import OrchestratorStorage
import OrchestratorSystem

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The store the tool and use-case suites run on: the state file, or PostgreSQL when
/// `MCP_ORCHESTRATOR_TEST_STORE` names a database. `Tests/run.sh` runs those suites a second time
/// with it set, on a throwaway cluster, so the same tests hold on both stores.
///
/// On PostgreSQL each state path is a project of its own: a harness gets a fresh one, and a test that
/// opens the same path again (a restart) finds the same project.
enum TestStore {
    static let database: (ConnectionString, PostgresClient)? = {
        guard let text = ProcessInfo.processInfo.environment["MCP_ORCHESTRATOR_TEST_STORE"],
            let connection = ConnectionString(text)
        else { return nil }
        do {
            return (connection, try PostgresStore.client(environment: ProcessInfo.processInfo.environment))
        } catch {
            fatalError("MCP_ORCHESTRATOR_TEST_STORE is set, but \(error)")
        }
    }()

    /// Whether the suites run on PostgreSQL.
    static var isDatabase: Bool { database != nil }

    /// The persistence of a use-case test: memory, or a fresh project in the database.
    static func useCasePersistence() -> any StatePersistence {
        guard let (connection, client) = database else { return InMemoryPersistence() }
        return PostgresStore(
            client: client, connectionString: connection, project: "use-case-" + UUID().uuidString)
    }

    /// The persistence for the state at `location`.
    static func persistence(at location: StateLocation, lockWaitSeconds: Double = 10) -> any StatePersistence {
        guard let (connection, client) = database else {
            return StateStore(location: location, lockWaitSeconds: lockWaitSeconds)
        }
        return PostgresStore(
            client: client, connectionString: connection, project: location.path, lockWaitSeconds: lockWaitSeconds)
    }
}
