import OrchestratorCore
import OrchestratorPostgres
import OrchestratorStorage
import OrchestratorSystem
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `migrate` through the binary: a large store, with work in every state and an archive, goes from
/// the file to PostgreSQL and back, and comes back equal, request by request.
@Suite(.enabled(if: TestStore.isDatabase, "needs MCP_ORCHESTRATOR_TEST_STORE (Tests/run.sh starts a cluster)"))
struct MigrateTests {
    /// 30 requests of 40 tasks: some claimed, some done, some approved, ten finished and archived.
    static func largeFileStore(at path: String) throws -> (state: OrchestratorState, revision: Int, archived: Int) {
        let clock = TestClock()
        let store = StateStore(
            location: StateLocation(path: path, source: .option),
            archivePolicy: ArchivePolicy(retentionSeconds: 3600, clock: clock.wallClock))
        let orchestrator = Orchestrator(persistence: store, clock: clock.wallClock, leaseSeconds: 600, approver: .agent)
        for number in 1...30 {
            let drafts = (1...40).map { SchedulingTests.draft("r\(number) t\($0) — «quoted» \"and\" \\ slashed") }
            let request = try orchestrator.plan(
                "Request \(number)\nwith lines", splitDetails: "split \(number)", tasks: drafts,
                policy: number <= 10 ? .auto : .each, by: "planner"
            ).durable()
            let rounds = number <= 10 ? 40 : number % 4
            for _ in 0..<rounds {
                guard case .claim(_, let task) = try orchestrator.claimNext(in: request, holder: "agent").durable()
                else { break }
                _ = try orchestrator.markDone(task, in: request, details: "did \(task)", holder: "agent", by: "agent")
                    .durable()
            }
            if number <= 10 { _ = try orchestrator.completeRequest(request, by: .agent("agent")).durable() }
        }
        clock.advance(seconds: 3601)
        _ = try orchestrator.claimNext(in: "req-12", holder: "late").durable()
        let snapshot = try store.snapshot()
        return (snapshot.state, snapshot.revision, try store.archived().count)
    }

    @Test func aLargeStoreGoesToPostgresAndBackWhole() throws {
        let source = ServerProcess.temporaryStatePath()
        let original = try Self.largeFileStore(at: source)
        #expect(original.archived == 10)
        #expect(original.state.requests.count == 20)
        let database = ProcessInfo.processInfo.environment["MCP_ORCHESTRATOR_TEST_STORE"]!
        let project = "migrate-" + UUID().uuidString

        let there = try ServerProcess.run(["migrate", "--from", source, "--to", database, "--project", project])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(
            there.stdout.contains("Moved 20 requests (800 tasks, 0 workflow runs) and 10 archived"), "\(there.stdout)")
        #expect(!there.stdout.contains("user=orchestrator"), "the connection string's options are not shown")

        let again = try ServerProcess.run(["migrate", "--from", source, "--to", database, "--project", project])
        #expect(again.status == 1, "a second move into the same project is refused")
        #expect(again.stderr.contains("already holds plans"), "\(again.stderr)")

        let back = ServerProcess.temporaryStatePath()
        let home = try ServerProcess.run(["migrate", "--from", database, "--to", back, "--project", project])
        #expect(home.status == 0, "\(home.stderr)")
        let returned = StateStore(location: StateLocation(path: back, source: .option))
        let snapshot = try returned.snapshot()
        #expect(snapshot.revision == original.revision)
        #expect(snapshot.state.requests.count == original.state.requests.count)
        for (copy, request) in zip(snapshot.state.requests, original.state.requests) {
            #expect(copy == request, "request \(request.id) came back different")
        }
        #expect(snapshot.state == original.state, "counters and runs too")
        let originalArchive = try StateStore(location: StateLocation(path: source, source: .option)).archived()
        #expect(try returned.archived() == originalArchive, "the archive came back whole")
    }
}
