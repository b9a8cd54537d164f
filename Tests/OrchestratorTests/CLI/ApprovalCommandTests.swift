import Foundation
import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorSystem
import OrchestratorTools
import Testing

/// The person's approvals from the command line, through the same lock and rules as the server.
@Suite struct ApprovalCommandTests {
    /// A server harness and a CLI on the same state file, with one task done and awaiting approval.
    static func setUp(approver: ApproverMode = .human) -> (ServerHarness, CLIHarness) {
        var server = ServerHarness(approver: approver)
        server.initialize()
        _ = server.call(
            "request_planning",
            [
                "originalRequest": "R",
                "tasks": [
                    ["title": "One", "description": "d"], ["title": "Two", "description": "d", "dependsOn": [1]],
                ],
            ])
        _ = server.call("get_next_task")
        _ = server.call("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "did it"])
        return (server, CLIHarness(statePath: server.statePath))
    }

    @Test func theServersRefusalHandsTheModelNoCommandAndThePersonApprovesAtTheirTerminal() throws {
        var (server, cli) = Self.setUp()
        let refusal = server.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"])
        let text = try #require(refusal["content"]?[0]?["text"]?.stringValue)
        #expect(!text.contains("mcp-orchestrator"), "the model is handed no command that decides: \(text)")
        #expect(text.contains("the person decides on the board, in the client's dialog, or from their own terminal"))
        #expect(cli.run(["approve", "req-1", "task-1"]) == 0)
        #expect(cli.out == "Approved task-1 of req-1 (revision 4). Now ready: task-2.\n")
        let details = server.call("open_task_details", ["taskId": "task-1"])
        #expect(details["structuredContent"]?["task"]?["approvedBy"] == "person at terminal /dev/pts/3 (ada)")
        // The running server sees it at its next call.
        #expect(server.call("get_next_task")["structuredContent"]?["task"]?["id"] == "task-2")
    }

    @Test(arguments: [
        ["approve", "req-1", "task-1"], ["reject", "req-1", "task-1", "--feedback", "no"],
        ["approve-request", "req-1"],
    ])
    func whereAnAgentRunsThemThePersonsDecisionsAreRefusedWithExit77(arguments: [String]) {
        var (server, cli) = Self.setUp()
        let reason = "this command runs inside claude's session (pid 4242): an agent cannot decide for the person"
        cli.presence = .absent(reason)
        #expect(cli.run(arguments) == 77)
        #expect(
            cli.err
                == "mcp-orchestrator \(arguments[0]): req-1 waits for the person's decision, and \(reason); "
                + "decide on the board, in the client's dialog, or from your own terminal.\n")
        #expect(
            server.call("open_task_details", ["taskId": "task-1"])["structuredContent"]?["task"]?["status"] == "done")
    }

    @Test func aPlanTheAgentApprovesTakesTheCommandFromAnywhereAndSaysWhoRanIt() {
        var (server, cli) = Self.setUp(approver: .agent)
        cli.presence = .absent("no terminal")
        #expect(cli.run(["approve", "req-1", "task-1"]) == 0)
        let by = server.call("open_task_details", ["taskId": "task-1"])["structuredContent"]?["task"]?["approvedBy"]
        #expect(by?.stringValue?.hasPrefix("via command line (") == true)
    }

    @Test func anyoneHandsAPlanToThePersonAndOnlyThePersonTakesItBack() {
        var (server, cli) = Self.setUp(approver: .agent)
        cli.presence = .absent("no terminal")
        #expect(cli.run(["approver", "req-1", "human"]) == 0)
        #expect(cli.out == "req-1 is approved by the person (revision 4).\n")
        // The server's own launch option says agent; the plan says the person.
        #expect(
            ServerHarness.errorCode(server.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"]))
                == "human_approval_required")
        #expect(cli.run(["approver", "req-1", "agent"]) == 77)
        #expect(cli.err.contains("req-1 waits for the person's decision, and no terminal; decide on"), "\(cli.err)")
        cli.presence = .person(terminal: "/dev/pts/3", user: "ada")
        #expect(cli.run(["approver", "req-1", "agent"]) == 0)
        #expect(server.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"])["isError"] == nil)
        #expect(cli.run(["approver", "req-1", "nobody"]) == 64)
    }

    @Test func taskIdsAloneNameTheTasksAndApproveTakesSeveral() {
        var (server, cli) = Self.setUp()
        _ = server.call(
            "request_planning", ["originalRequest": "S", "tasks": [["title": "Three", "description": "d"]]])
        _ = server.call("get_next_task", ["requestId": "req-2"])
        _ = server.call("mark_task_done", ["requestId": "req-2", "taskId": "task-3", "completedDetails": "did"])
        cli.presence = .person(terminal: "/dev/pts/3", user: "ada")
        #expect(cli.run(["approve", "task-3", "task-1"]) == 0)
        #expect(
            cli.out
                == "Approved task-3 of req-2 (revision 7).\nApproved task-1 of req-1 (revision 8). Now ready: task-2.\n"
        )
        // An unknown id stops there, and says so.
        #expect(cli.run(["approve", "task-9"]) == 1)
        #expect(cli.err.contains("No task has the id task-9"), "\(cli.err)")
    }

    @Test func rejectSendsTheTaskBackWithFeedbackAndNeedsIt() {
        var (server, cli) = Self.setUp()
        #expect(cli.run(["reject", "req-1", "task-1"]) == 64)
        #expect(cli.err.contains("--feedback TEXT is required"))
        #expect(cli.err.contains("usage: mcp-orchestrator reject TASK_ID --feedback TEXT"))
        #expect(cli.run(["reject", "task-1", "--feedback", "Handle empty input"]) == 0)
        // Work sent back is said to be the agent's again, in every view that words a status.
        #expect(cli.run(["status"]) == 0)
        #expect(cli.out.contains("rejected — back with the agent"), "\(cli.out)")
        let task = server.call("get_next_task")["structuredContent"]?["task"]
        #expect(task?["id"] == "task-1")
        #expect(task?["feedback"] == "Handle empty input")
    }

    @Test func approveRequestClosesOnlyAFinishedRequest() {
        var (server, cli) = Self.setUp(approver: .agent)
        #expect(cli.run(["approve-request", "req-1"]) == 1)
        #expect(cli.err.contains("[request_not_finished]"))
        _ = server.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"])
        _ = server.call("get_next_task")
        _ = server.call("mark_task_done", ["requestId": "req-1", "taskId": "task-2", "completedDetails": "x"])
        #expect(cli.run(["approve", "req-1", "task-2"]) == 0)
        #expect(cli.run(["approve-request", "req-1"]) == 0)
        #expect(
            server.call("list_requests")["structuredContent"]?["requests"]?[0]?["completedBy"]
                == "person at terminal /dev/pts/3 (ada)")
    }

    @Test(arguments: [
        (["approve"], "expected TASK_ID..., got nothing"),
        (["reject", "task-1", "task-2", "task-3", "--feedback", "x"], "expected TASK_ID, got task-1 task-2 task-3"),
        (["approve", "req-1", "task-1", "--force"], "unknown option '--force'"),
        (["approve-request"], "expected REQUEST_ID, got nothing"),
        (["reject", "req-1", "task-1", "--feedback"], "--feedback needs a value"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) {
        let cli = CLIHarness()
        #expect(cli.run(arguments) == 64)
        #expect(cli.err.contains(message), "\(cli.err)")
        #expect(cli.err.contains("usage: mcp-orchestrator \(arguments[0])"))
        #expect(cli.out.isEmpty)
    }

    @Test func refusalsOfTheRulesExitOneWithTheirCode() {
        let (_, cli) = Self.setUp()
        #expect(cli.run(["approve", "req-1", "task-2"]) == 1)
        #expect(
            cli.err
                == "mcp-orchestrator approve: Task task-2 is pending, not done; only a done task can be approved or rejected. "
                + "The agent finishes it first; `mcp-orchestrator status` shows what waits for you. [task_not_done]\n"
        )
        #expect(cli.run(["approve", "req-9", "task-1"]) == 1)
        #expect(
            cli.err
                == "mcp-orchestrator approve: No request has the id req-9. Run `mcp-orchestrator status --all` to see the "
                + "requests and their ids. [request_not_found]\n")
        #expect(!cli.err.contains("list_requests"), "the person is not told to call agent tools")
    }

    @Test func everyCommandHasHelp() {
        let cli = CLIHarness()
        for command in ["status", "approve", "reject", "approve-request"] {
            #expect(cli.run([command, "--help"]) == 0)
            #expect(cli.out.hasPrefix("usage: mcp-orchestrator \(command)"), "\(command)")
        }
        // config's usage names every option it passes on to the entry.
        #expect(cli.run(["config", "--help"]) == 0)
        let usage = cli.out.split(separator: "\n").first.map(String.init) ?? ""
        for option in [
            "--install [--force]", "--workflows DIR]...", "--archive-after-days N", "--notify-command CMD",
            "--max-line-bytes N", "| config --detect",
        ] {
            #expect(usage.contains(option), "\(option): \(usage)")
        }
    }
}
