import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// The sentences that tell the agent what to do next say the right thing (issue 14's wording fixes).
@Suite struct HintWordingTests {
    static func text(_ result: JSONValue) -> String { result["content"]?[0]?["text"]?.stringValue ?? "" }

    static func plan(_ harness: inout ServerHarness, policy: String = "each", tasks: Int = 1) {
        let list: [JSONValue] = (1...tasks).map { ["title": .string("t\($0)"), "description": "d"] }
        _ = harness.call(
            "request_planning", ["originalRequest": "r", "tasks": .array(list), "approvalPolicy": .string(policy)])
    }

    @Test func approvingTheLastTaskPointsToClosingTheRequest() {
        var harness = ServerHarness()
        harness.initialize()
        Self.plan(&harness, tasks: 2)
        for task in ["task-1", "task-2"] {
            _ = harness.call("get_next_task")
            _ = harness.call(
                "mark_task_done", ["requestId": "req-1", "taskId": .string(task), "completedDetails": "x"])
            let approved = Self.text(
                harness.call("approve_task_completion", ["requestId": "req-1", "taskId": .string(task)]))
            if task == "task-1" {
                #expect(approved.contains("Call get_next_task for the next task."))
            } else {
                #expect(approved.contains("call approve_request_completion with requestId req-1"), "\(approved)")
                #expect(!approved.contains("get_next_task"))
            }
        }
    }

    @Test func underPolicyEndTheAgentIsToldItMayGoOn() {
        var harness = ServerHarness()
        harness.initialize()
        Self.plan(&harness, policy: "end", tasks: 2)
        _ = harness.call("get_next_task")
        let done = Self.text(
            harness.call("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "x"]))
        #expect(done.contains("Under policy end the tasks after it may start now"), "\(done)")
        #expect(!done.contains("It now awaits approval"))
    }

    @Test func underAHumanApproverTheModelIsToldWhereThePersonDecidesAndNoCommand() {
        var harness = ServerHarness(approver: .human)
        harness.initialize()
        Self.plan(&harness)
        _ = harness.call("get_next_task")
        let done = Self.text(
            harness.call("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "x"]))
        #expect(
            done.contains("the person approves it, on the board, in the client's dialog, or from their own terminal"))
        let waiting = Self.text(harness.call("get_next_task"))
        #expect(waiting.contains("the person must approve it, "), "one task is 'it': \(waiting)")
        for text in [done, waiting] { #expect(!text.contains("mcp-orchestrator"), "no command for the model: \(text)") }
    }

    @Test func openTaskDetailsTakesTheRequestIdLikeEveryRelatedTool() {
        var harness = ServerHarness()
        harness.initialize()
        Self.plan(&harness)
        Self.plan(&harness)
        #expect(harness.call("open_task_details", ["requestId": "req-1", "taskId": "task-1"])["isError"] == nil)
        #expect(
            ServerHarness.errorCode(harness.call("open_task_details", ["requestId": "req-2", "taskId": "task-1"]))
                == "task_not_found")
        #expect(
            ServerHarness.errorCode(harness.call("open_task_details", ["requestId": "req-9", "taskId": "task-1"]))
                == "request_not_found")
    }

    @Test func countsAgreeWithTheirNouns() {
        var harness = ServerHarness()
        harness.initialize()
        Self.plan(&harness)
        #expect(Self.text(harness.call("server_info")).contains(", 1 request)"))
        Self.plan(&harness)
        #expect(Self.text(harness.call("server_info")).contains(", 2 requests)"))
    }

    @Test func aStepWhoseRulesReadOnlyTheContextSaysSo() {
        let directory = WorkflowFixtures.directory([
            "gate/index.md": "1. [Check](steps/check.md)",
            "gate/steps/check.md":
                "# Orchestrator Guidance\nGo.\n\n# Client Instructions\nCheck.\n\n# Transitions\n- if context.ok -> FINISH\n- otherwise -> FAILED\n",
        ])
        var harness = ServerHarness(workflowDirectories: [directory])
        harness.initialize()
        let started = Self.text(harness.call("start_workflow", ["workflow_name": "gate"]))
        #expect(started.contains("the rules choose the next step from the context."), "\(started)")
        #expect(!started.contains("any status"))
    }
}

/// Refusals name the tools the client has (issue 14): the core says what is wrong, each tool set
/// words the remedy with its own tools, and a remedy no enabled tool offers is left out.
@Suite struct RefusalVocabularyTests {
    @Test func aCompatibilitySetIsPointedToItsOwnTools() {
        var harness = ServerHarness(toolsets: [.server, .orchestratorServer])
        harness.initialize()
        _ = harness.call("create_task", ["id": "build", "description": "d"])
        let early = harness.call("complete_task", ["task_id": "build", "instance_id": "me", "result": "x"])
        let text = HintWordingTests.text(early)
        #expect(ServerHarness.errorCode(early) == "task_not_started")
        #expect(text.contains("Take it with get_next_task, do the work, then finish it with complete_task."), "\(text)")
        #expect(!text.contains("mark_task_done"))
        let unknown = HintWordingTests.text(harness.call("get_task_status", ["task_id": "nope"]))
        #expect(unknown.contains("No task has the id nope.") && !unknown.contains("list_requests"), "\(unknown)")
    }

    @Test func theDefaultSetKeepsItsOwnNames() {
        var harness = ServerHarness()
        harness.initialize()
        let refused = HintWordingTests.text(harness.call("open_task_details", ["taskId": "task-7"]))
        #expect(
            refused.contains("No task has the id task-7. Call list_requests to see the requests and their ids."),
            "\(refused)")
    }
}

/// One Markdown task table (issue 14): the tools' progress table and the Markdown report escape a
/// cell the same way.
@Suite struct MarkdownTableTests {
    @Test func bothTablesKeepACellInItsCellAndShowMarkupAsText() {
        var harness = ServerHarness()
        harness.initialize()
        let title = "a|b <i>x</i> & c\nd"
        let planned = HintWordingTests.text(
            harness.call(
                "request_planning", ["originalRequest": "r", "tasks": [["title": .string(title), "description": "d"]]]))
        let escaped = "a\\|b &lt;i&gt;x&lt;/i&gt; &amp; c d"
        #expect(planned.contains("| 1 | task-1 | \(escaped) | medium | — | pending |"), "\(planned)")
        let cli = CLIHarness(statePath: harness.statePath)
        #expect(cli.run(["export", "--format", "markdown"]) == 0)
        #expect(cli.out.contains("| 1 | task-1 | \(escaped) | medium | — | pending |  |"), "\(cli.out)")
    }
}
