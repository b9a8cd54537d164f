import OrchestratorCore
import OrchestratorPostgres
import OrchestratorSystem
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

    /// The examples of libpq's own documentation ("Connection URIs"), as people copy them.
    @Test(arguments: [
        ("postgresql://", "postgresql://(local socket)"),
        ("postgresql://localhost", "postgresql://localhost"),
        ("postgresql://localhost:5433", "postgresql://localhost:5433"),
        ("postgresql://localhost/mydb", "postgresql://localhost/mydb"),
        ("postgresql://user@localhost", "postgresql://user@localhost"),
        ("postgresql://user:secret@localhost", "postgresql://user@localhost"),
        (
            "postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp",
            "postgresql://other@localhost/otherdb"
        ),
        (
            "postgresql://host1:123,host2:456/somedb?target_session_attrs=any&application_name=myapp",
            "postgresql://host1:123,host2:456/somedb"
        ),
        ("postgresql:///mydb?host=localhost&port=5433", "postgresql://(local socket)/mydb"),
        ("postgresql://[2001:db8::1234]/database", "postgresql://[2001:db8::1234]/database"),
        ("postgresql://%2Fvar%2Flib%2Fpostgresql/dbname", "postgresql://%2Fvar%2Flib%2Fpostgresql/dbname"),
    ])
    func libpqsOwnExamplesAreShownWithoutTheirSecrets(given: String, shown: String) throws {
        #expect(try #require(ConnectionString(given)).redacted == shown)
    }

    /// What libpq is given keeps every option the person wrote, and adds only the bounds it lacks.
    @Test func theBoundsAreAddedOnlyWhereTheStringSetsNone() throws {
        let given = try #require(
            ConnectionString("postgresql://other@localhost/otherdb?connect_timeout=3&application_name=myapp"))
        #expect(
            given.forLibPQ
                == "postgresql://other@localhost/otherdb?connect_timeout=3&application_name=myapp&tcp_user_timeout=60000&keepalives_idle=30"
        )
        #expect(
            try #require(ConnectionString("postgresql://")).forLibPQ
                == "postgresql://?connect_timeout=10&tcp_user_timeout=60000&keepalives_idle=30&application_name=mcp-orchestrator"
        )
    }

    /// A message that quotes the string, or its password as written or decoded, keeps none of it.
    @Test func aMessageIsScrubbedOfTheStringAndItsPassword() throws {
        let connection = try #require(ConnectionString("postgresql://ada:p%40ss%2Fword@db/plans?sslmode=require"))
        let scrubbed = connection.scrub(
            "bad URI: \"\(connection.forLibPQ)\"; password p%40ss%2Fword or p@ss/word; from \(connection.text)")
        #expect(!scrubbed.contains("p%40ss%2Fword") && !scrubbed.contains("p@ss/word"), "\(scrubbed)")
        #expect(scrubbed.contains("postgresql://ada@db/plans"))
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
