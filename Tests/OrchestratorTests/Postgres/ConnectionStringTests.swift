import OrchestratorCore
import OrchestratorPostgres
import Testing

/// What a PostgreSQL store may say about where it is, and what libpq is given; and the one sentence
/// a machine without libpq gets. No database needed.
@Suite struct ConnectionStringTests {
    @Test(arguments: [
        ("postgresql://ada:s3cret@db.example:5432/plans?sslmode=verify-full", "postgresql://ada@db.example:5432/plans"),
        ("postgres://ada@db.example/plans", "postgres://ada@db.example/plans"),
        ("postgresql:///plans?host=/var/run/postgresql&password=s3cret", "postgresql://(local socket)/plans"),
        ("postgresql://:s3cret@db.example/plans", "postgresql://@db.example/plans"),
        ("postgresql://db.example", "postgresql://db.example"),
    ])
    func onlyTheUserHostAndDatabaseAreShown(given: String, shown: String) throws {
        let connection = try #require(ConnectionString(given))
        #expect(connection.redacted == shown)
        #expect(!connection.description.contains("s3cret"))
    }

    @Test func aFilePathIsNoConnectionString() {
        #expect(ConnectionString("/home/ada/state.json") == nil)
        #expect(ConnectionString("file") == nil)
        #expect(!ConnectionString.isPostgres("postgresql:"))
    }

    @Test func withoutLibpqTheStoreSaysWhatToInstall() {
        let failure = #expect(throws: PersistenceError.self) {
            try PostgresStore.client(environment: ["MCP_ORCHESTRATOR_LIBPQ": "/nonexistent/libpq.so.5"])
        }
        #expect(failure?.code == "store_unavailable")
        #expect(failure?.description.contains("apt-get install libpq5") == true)
        #expect(failure?.description.contains("brew install libpq") == true)
        #expect(failure?.description.contains("/nonexistent/libpq.so.5") == true)
    }
}
