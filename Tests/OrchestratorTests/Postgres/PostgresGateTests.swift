import Foundation
import OrchestratorJSON
import OrchestratorSystem
import Testing

/// The person's gate with the state in PostgreSQL: a stdio server still registers its client beside
/// the state's folder (no change makes that folder, as a file's first change does), so a command run
/// inside the agent's process tree is refused as the agent's, and the person's own terminal decides.
@Suite(.enabled(if: TestStore.isDatabase, "needs MCP_ORCHESTRATOR_TEST_STORE (Tests/run.sh starts a cluster)"))
struct PostgresGateTests {
    @Test func aCommandInsideTheAgentsTreeIsTheAgentsOnTheDatabaseToo() throws {
        let database = ProcessInfo.processInfo.environment["MCP_ORCHESTRATOR_TEST_STORE"]!
        let project = "gate-" + UUID().uuidString
        // The state's folder does not exist: nothing but the registration makes it.
        let state = ServerProcess.temporaryStatePath()
        var environment = ProcessInfo.processInfo.environment
        environment["MCP_ORCHESTRATOR_PROJECT"] = project
        environment["MCP_ORCHESTRATOR_EVIDENCE"] = "off"
        let server = try LineClient(
            arguments: ["--state", state, "--store", database, "--approver", "human"], environment: environment)
        _ = try server.call(
            "request_planning", ["originalRequest": "R", "tasks": [["title": "One", "description": "d"]]])
        _ = try server.call("get_next_task")
        _ = try server.call("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "done"])

        // Run by this test, the server's client: inside the agent's session, whatever the terminal.
        let inside = try ServerProcess(
            arguments: ["approve", "task-1", "--state", state, "--store", database], environment: environment
        ).finish()
        let client = try #require(ProcessRecord.current)
        #expect(inside.status == 77)
        #expect(inside.stderr.contains("runs inside \(client.name)'s session (pid \(client.pid))"), "\(inside.stderr)")
        #expect(try server.call("get_next_task")["structuredContent"]?["status"] == "awaiting_approval")
        if PersonTerminal.tmux != nil {
            let approve = try PersonTerminal.run(
                ["approve", "task-1", "--state", state, "--store", database],
                environment: ["MCP_ORCHESTRATOR_PROJECT": project])
            #expect(approve.status == 0, "\(approve.screen)")
            #expect(try server.call("get_next_task")["structuredContent"]?["status"] == "ready_for_completion")
        }
        #expect(server.close() == 0)
    }
}
