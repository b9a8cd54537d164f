import Foundation
import OrchestratorJSON
import OrchestratorSystem
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
        // Run by this test, the server's client, the command runs inside the agent's process tree.
        let inside = try ServerProcess.run(["approve", "req-1", "task-1", "--state", state])
        let client = try #require(ProcessRecord.current)
        #expect(inside.status == 77)
        #expect(
            inside.stderr
                == "mcp-orchestrator approve: req-1 waits for the person's decision, and this command runs inside \(client.name)'s session (pid \(client.pid)): an agent cannot decide for the person; decide on the board, in the client's dialog, or from your own terminal.\n"
        )
        #expect(try server.call("get_next_task")["structuredContent"]?["status"] == "awaiting_approval")
        if PersonTerminal.tmux != nil {
            // Outside the agent's tree but without a terminal (a new session, as a detached job has).
            let detached = try PersonTerminal.run(["approve", "req-1", "task-1", "--state", state], setsid: true)
            #expect(detached.status == 77, "\(detached.screen)")
            #expect(detached.screen.contains("has no controlling"), "\(detached.screen)")
            // The person's own terminal.
            let approve = try PersonTerminal.run(["approve", "req-1", "task-1", "--state", state])
            #expect(approve.status == 0, "\(approve.screen)")
            #expect(try server.call("get_next_task")["structuredContent"]?["task"]?["id"] == "task-2")
            let by = try server.call("open_task_details", ["taskId": "task-1"])["structuredContent"]?["task"]?[
                "approvedBy"]?.stringValue
            #expect(by?.hasPrefix("person at terminal /dev/pts/") == true, "\(by ?? "")")
        }
        #expect(server.close() == 0)

        let usage = try ServerProcess.run(["approve", "--state", state])
        #expect(usage.status == 64)
        #expect(usage.stdout.isEmpty && usage.stderr.contains("usage: mcp-orchestrator approve"))
        let help = try ServerProcess.run(["--help"])
        #expect(help.stdout.contains("Commands (each has --help):") && help.stdout.contains("approve-request"))
    }
}
