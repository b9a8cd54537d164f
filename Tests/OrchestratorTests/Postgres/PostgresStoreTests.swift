import Dispatch
import Foundation
import OrchestratorCore
import OrchestratorPostgres
import OrchestratorSystem
import Testing

/// What only the PostgreSQL store has to show: several stores (as several servers) on one project,
/// racing agents, the archive in tables, tables of a newer version, rows that do not decode, and a
/// password that never reaches a sentence. Runs when `MCP_ORCHESTRATOR_TEST_STORE` names a database
/// (`Tests/run.sh` starts one).
@Suite(.enabled(if: TestStore.isDatabase, "needs MCP_ORCHESTRATOR_TEST_STORE (Tests/run.sh starts a cluster)"))
struct PostgresStoreTests {
    static func store(project: String, retentionSeconds: Int? = nil, clock: TestClock = TestClock()) -> PostgresStore {
        let (connection, client) = TestStore.database!
        return PostgresStore(
            client: client, connectionString: connection, project: project, retentionSeconds: retentionSeconds,
            clock: clock.wallClock)
    }

    static func orchestrator(_ store: PostgresStore, clock: TestClock = TestClock()) -> Orchestrator {
        Orchestrator(persistence: store, clock: clock.wallClock, leaseSeconds: 600, approver: .agent)
    }

    static func freshProject() -> String { "test-" + UUID().uuidString }

    /// 64 agents over eight stores (eight servers' worth), each on a thread of its own, claim and
    /// finish 192 tasks: every task is claimed once, every acknowledged change is there, and the
    /// revision counts every change exactly.
    @Test func racingAgentsOverSeveralStoresNeverShareATaskAndEveryChangeCounts() throws {
        let project = Self.freshProject()
        let stores = (0..<8).map { _ in Self.store(project: project) }
        defer { for store in stores { store.close() } }
        let drafts = (1...192).map { SchedulingTests.draft("t\($0)") }
        let planner = Self.orchestrator(stores[0])
        let request = try planner.plan("race", splitDetails: nil, tasks: drafts, policy: .auto, by: "p").durable()
        let claims = Locked<[String: [WorkTask.ID]]>([:])
        let failures = Locked<[String]>([])
        // A thread each, not `concurrentPerform`, which runs only as many at once as there are cores.
        let group = DispatchGroup()
        for agent in 0..<64 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                Self.work(agent: agent, stores: stores, request: request, claims: claims, failures: failures)
            }
        }
        group.wait()
        #expect(failures.current.isEmpty, "\(failures.current.prefix(3))")
        let claimed = claims.current.values.flatMap { $0 }
        #expect(claimed.count == 192, "every task claimed")
        #expect(Set(claimed).count == 192, "no task claimed twice")
        let snapshot = try Self.store(project: project).snapshot()
        #expect(snapshot.state.requests[0].tasks.allSatisfy { $0.status == .approved })
        // The plan, then a claim and a finish for each task; the request closes itself after the last.
        let expected = 1 + 192 * 2
        #expect(snapshot.revision == expected, "revision \(snapshot.revision), changes \(expected)")
    }

    /// One agent: claims and finishes until nothing is left, recording what it was acknowledged.
    static func work(
        agent: Int, stores: [PostgresStore], request: WorkRequest.ID, claims: Locked<[String: [WorkTask.ID]]>,
        failures: Locked<[String]>
    ) {
        let orchestrator = Self.orchestrator(stores[agent % stores.count])
        let holder = "agent-\(agent)"
        while true {
            do {
                let selection = try orchestrator.claimNext(in: request, holder: holder).durable()
                guard case .claim(_, let task) = selection else { return }
                claims.withLock { $0[holder, default: []].append(task) }
                _ = try orchestrator.markDone(task, in: request, details: "done", holder: holder, by: holder).durable()
            } catch {
                failures.withLock { $0.append("\(holder): \(error)") }
                return
            }
        }
    }

    /// A change made through one store is read by another at once, and the second builds on it.
    @Test func aSecondStoreReadsWhatTheFirstWroteAndBuildsOnIt() throws {
        let project = Self.freshProject()
        let first = Self.orchestrator(Self.store(project: project))
        let second = Self.orchestrator(Self.store(project: project))
        #expect(try second.read().revision == 0)
        let request = try first.plan(
            "r", splitDetails: nil, tasks: [SchedulingTests.draft("a"), SchedulingTests.draft("b")], policy: .each,
            by: "p"
        ).durable()
        #expect(try second.read().state.requests.map(\.id) == [request])
        let claim = try second.claimNext(in: request, holder: "two").durable()
        #expect(claim == .claim(request, "task-1"))
        #expect(try first.claimNext(in: request, holder: "one").durable() == .claim(request, "task-2"))
        let other = try second.plan("s", splitDetails: nil, tasks: [SchedulingTests.draft("c")], policy: nil, by: "p")
            .durable()
        #expect(other == "req-2", "ids come from the database's counters, never reused")
        #expect(try first.read().state.requests.flatMap(\.tasks).map(\.id) == ["task-1", "task-2", "task-3"])
    }

    /// Finished requests leave the live tables after the retention, and read from the archive
    /// whole; their ids are not given out again.
    @Test func finishedRequestsMoveToTheArchiveTable() throws {
        let project = Self.freshProject()
        let clock = TestClock()
        let store = Self.store(project: project, retentionSeconds: 3600, clock: clock)
        let orchestrator = Self.orchestrator(store, clock: clock)
        let request = try orchestrator.plan(
            "finish me", splitDetails: nil, tasks: [SchedulingTests.draft("a")], policy: .auto, by: "p"
        ).durable()
        _ = try orchestrator.claimNext(in: request, holder: "h").durable()
        _ = try orchestrator.markDone("task-1", in: request, details: "did it", holder: "h", by: "h").durable()
        _ = try orchestrator.completeRequest(request, by: .agent("h")).durable()
        #expect(try orchestrator.read().state.requests.first?.status == .completed)
        clock.advance(seconds: 3601)
        _ = try orchestrator.plan("next", splitDetails: nil, tasks: [SchedulingTests.draft("b")], policy: nil, by: "p")
            .durable()
        let live = try Self.store(project: project).snapshot().state
        #expect(live.requests.map(\.id) == ["req-2"])
        #expect(live.requests[0].tasks.map(\.id) == ["task-2"])
        let archived = try Self.store(project: project).archived()
        #expect(archived.map(\.request.id) == [request])
        #expect(archived.first?.request.tasks.first?.completedDetails == "did it")
    }

    /// A refusal writes nothing and leaves no project behind; a change that changes nothing either.
    @Test func aRefusalLeavesNoProjectBehind() throws {
        let project = Self.freshProject()
        let store = Self.store(project: project)
        let orchestrator = Self.orchestrator(store)
        #expect(throws: ChangeFailure.self) { try orchestrator.claim("task-9", in: nil, holder: "h") }
        #expect(try orchestrator.claimNext(in: nil, holder: "h").durable() == .noActiveRequests)
        #expect(!store.exists)
        #expect(try store.snapshot().revision == 0)
    }

    /// Tables of a newer version (a newer build migrated them) are read, never written and never
    /// taken back: the change is refused with `state_newer_schema` and the version stays.
    @Test func newerTablesAreReadButNeverWrittenOrDowngraded() throws {
        let database = "newer_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let base = ProcessInfo.processInfo.environment["MCP_ORCHESTRATOR_TEST_STORE"]!
        try Self.psql(base, "CREATE DATABASE \(database)")
        // The same server, another database: the name between the last "/" and the options.
        let options = base.firstIndex(of: "?") ?? base.endIndex
        let slash = try #require(base[..<options].lastIndex(of: "/"))
        let url = String(base[...slash]) + database + String(base[options...])
        #expect(url != base)
        let (_, client) = TestStore.database!
        let first = PostgresStore(client: client, connectionString: ConnectionString(url)!, project: "p")
        _ = try Self.orchestrator(first).plan(
            "r", splitDetails: nil, tasks: [SchedulingTests.draft("a")], policy: nil, by: "p"
        ).durable()
        try Self.psql(url, "UPDATE mcp_orchestrator.meta SET value = '99' WHERE key = 'schema'")

        let later = PostgresStore(client: client, connectionString: ConnectionString(url)!, project: "p")
        let snapshot = try later.snapshot()
        #expect(snapshot.state.requests.count == 1, "still read")
        #expect(snapshot.readOnlyReason?.code == "state_newer_schema")
        let refused = #expect(throws: ChangeFailure.self) {
            try Self.orchestrator(later).claimNext(in: nil, holder: "h")
        }
        #expect(refused == .persistence(snapshot.readOnlyReason!))
        #expect(try Self.psql(url, "SELECT value FROM mcp_orchestrator.meta WHERE key = 'schema'") == "99")
        #expect(try later.snapshot().revision == 1, "nothing was written")
    }

    /// Runs one statement with psql (PostgreSQL's client, beside the server) and returns its output.
    @discardableResult
    static func psql(_ url: String, _ statement: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-Atq", "-v", "ON_ERROR_STOP=1", "-c", statement]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "psql \(statement)")
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A password in the connection string is never in what the store says, even when it fails.
    @Test func aPasswordNeverReachesASentence() throws {
        let (_, client) = TestStore.database!
        let secret = "s3cret-never-shown"
        let store = PostgresStore(
            client: client,
            connectionString: ConnectionString("postgresql://ada:\(secret)@127.0.0.1:1/plans?connect_timeout=2")!,
            project: "p")
        #expect(!store.storedAt.contains(secret))
        #expect(store.storedAt == "postgresql://ada@127.0.0.1:1/plans (project p)")
        let failure = #expect(throws: PersistenceError.self) { try store.snapshot() }
        #expect(failure?.code == "store_unavailable")
        #expect(failure.map { !$0.description.contains(secret) } == true, "\(String(describing: failure))")
        let change = #expect(throws: ChangeFailure.self) {
            try Self.orchestrator(store).plan("r", splitDetails: nil, tasks: [], policy: nil, by: "p")
        }
        guard case .persistence(let refusal)? = change else {
            Issue.record("expected the store's refusal, got \(String(describing: change))")
            return
        }
        #expect(refusal.code == "store_unavailable")
        #expect(!refusal.description.contains(secret))
        #expect(refusal.description.contains("Connection refused"), "libpq took the bounds added to the string")

        // libpq quotes a string it cannot parse whole in its error; what reaches the sentence is scrubbed.
        for malformed in ["postgresql://ada:\(secret)@[::1/plans", "postgresql://ada@[::1/plans?password=\(secret)"] {
            let broken = PostgresStore(client: client, connectionString: ConnectionString(malformed)!, project: "p")
            let failure = #expect(throws: PersistenceError.self) { try broken.snapshot() }
            #expect(failure?.description.contains("IPv6 host address") == true, "\(String(describing: failure))")
            #expect(failure.map { !$0.description.contains(secret) } == true, "\(String(describing: failure))")
        }
    }
}
