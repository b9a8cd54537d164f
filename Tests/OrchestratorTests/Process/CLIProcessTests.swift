import Foundation
import OrchestratorJSON
import Testing

/// The subcommands as a person runs them, beside a server process working on the same file.
@Suite struct CLIProcessTests {
    @Test func aPersonApprovesFromTheTerminalWhileTheServerRuns() throws {
        let state = ServerProcess.temporaryStatePath()
        let server = try LineClient(arguments: ["--state", state, "--approver", "human"])
        _ = try server.call(
            "request_planning",
            [
                "originalRequest": "R",
                "tasks": [["title": "One", "description": "d"], ["title": "Two", "description": "d"]],
            ])
        _ = try server.call("get_next_task")
        _ = try server.call("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "done"])
        #expect(try server.call("get_next_task")["structuredContent"]?["status"] == "awaiting_approval")

        let status = try ServerProcess.run(["status", "--state", state])
        #expect(status.status == 0)
        #expect(status.stdout.contains("1  task-1  One    medium    —      done"))
        let approve = try ServerProcess.run(["approve", "req-1", "task-1", "--state", state])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(try server.call("get_next_task")["structuredContent"]?["task"]?["id"] == "task-2")
        #expect(server.close() == 0)

        let usage = try ServerProcess.run(["approve", "--state", state])
        #expect(usage.status == 64)
        #expect(usage.stdout.isEmpty && usage.stderr.contains("usage: mcp-orchestrator approve"))
        let help = try ServerProcess.run(["--help"])
        #expect(help.stdout.contains("Commands (each has --help):") && help.stdout.contains("approve-request"))
    }
}
