import Foundation
import OrchestratorJSON
import Testing

/// Workflow runs through the real binary: they live in the state file, so they survive the server
/// being killed, and processes sharing the file cannot both move a run past the same step.
@Suite struct WorkflowProcessTests {
    static let pingPong: [String: String] = [
        "pingpong/index.md": "1. [Ping](steps/ping.md)\n2. [Pong](steps/pong.md)",
        "pingpong/steps/ping.md":
            "# Orchestrator Guidance\nPing.\n\n# Client Instructions\nSay ping {{context.n}}.\n\n# Transitions\n- stop -> FINISH\n- otherwise -> Pong\n",
        "pingpong/steps/pong.md":
            "# Orchestrator Guidance\nPong.\n\n# Client Instructions\nSay pong.\n\n# Transitions\n- otherwise -> Ping\n",
    ]

    @Test func aRunSurvivesTheServerBeingKilledMidWay() throws {
        let state = ServerProcess.temporaryStatePath()
        let arguments = ["--state", state, "--workflows", WorkflowFixtures.shipped]
        let first = try LineClient(arguments: arguments)
        let started = try first.call("start_workflow", ["workflow_name": "save_progress"])
        let run = try #require(started["structuredContent"]?["instance_id"]?.stringValue)
        let moved = try first.call(
            "advance_workflow",
            [
                "instance_id": .string(run), "report": ["step_id": "Gather Progress", "status": "success"],
                "context_updates": ["progress": "halfway", "progress_file": "P.md"],
            ])
        #expect(moved["structuredContent"]?["next_step"]?["step_name"] == "Write Progress File")
        kill(first.server.process.processIdentifier, SIGKILL)
        first.server.process.waitUntilExit()

        let second = try LineClient(arguments: arguments)
        let status = try second.call("get_workflow_status", ["instance_id": .string(run)])
        #expect(status["structuredContent"]?["next_step"]?["step_name"] == "Write Progress File")
        #expect(
            status["structuredContent"]?["next_step"]?["instructions"]?.stringValue?.contains(
                "Write this summary to P.md") == true)
        let finished = try second.call(
            "advance_workflow",
            ["instance_id": .string(run), "report": ["step_id": "Write Progress File", "status": "success"]])
        #expect(finished["structuredContent"]?["status"] == "completed")
        #expect(second.close() == 0)
    }

    @Test func twoProcessesNeverBothAdvanceTheSameStep() throws {
        let directory = WorkflowFixtures.directory(Self.pingPong)
        let state = ServerProcess.temporaryStatePath()
        let arguments = ["--state", state, "--workflows", directory]
        let setup = try LineClient(arguments: arguments)
        let run = try #require(
            try setup.call("start_workflow", ["workflow_name": "pingpong"])["structuredContent"]?["instance_id"]?
                .stringValue)
        #expect(setup.close() == 0)

        let rounds = 20
        // Each client is used by one thread at a time: its own iteration of each round.
        nonisolated(unsafe) let clients = try (0..<2).map {
            try LineClient(arguments: arguments, clientName: "client-\($0)")
        }
        let outcomes = OutcomeBox()
        for round in 0..<rounds {
            let step = round % 2 == 0 ? "Ping" : "Pong"
            DispatchQueue.concurrentPerform(iterations: clients.count) { index in
                let result = try? clients[index].call(
                    "advance_workflow",
                    [
                        "instance_id": .string(run), "report": ["step_id": .string(step), "status": "success"],
                        "context_updates": ["n": .int(round)],
                    ])
                outcomes.record(
                    round: round,
                    code: result.map {
                        $0["isError"] == true
                            ? $0["structuredContent"]?["error"]?["code"]?.stringValue ?? "error" : "ok"
                    } ?? "no reply")
            }
        }
        for client in clients { #expect(client.close() == 0) }
        for round in 0..<rounds {
            #expect(outcomes.codes(round).sorted() == ["ok", "step_mismatch"], "round \(round)")
        }
        let root = try JSONParser.parse(String(contentsOfFile: state, encoding: .utf8))
        let visits = try #require(root["requests"]?[0]?["tasks"]?.arrayValue)
        #expect(visits.count == rounds + 1, "one task per step entered, none twice")
        #expect(root["runs"]?[0]?["currentStep"] == "Ping")
    }
}

/// Collects the result codes of concurrent calls, per round.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var byRound: [Int: [String]] = [:]

    func record(round: Int, code: String) {
        lock.withLock { byRound[round, default: []].append(code) }
    }

    func codes(_ round: Int) -> [String] { lock.withLock { byRound[round] ?? [] } }
}
