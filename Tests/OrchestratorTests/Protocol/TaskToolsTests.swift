import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// The plan-and-task tools over the wire, in-process: the seed flow, refusals with their codes, and the
/// tool-level transition matrix. Every successful result is checked against its output schema.
struct TaskToolsTests {
    static let threeTasks: JSONValue = [
        ["title": "Parser", "description": "Write the CSV parser", "priority": "high"],
        ["title": "Tests", "description": "Test the parser", "dependsOn": ["Parser"]],
        ["title": "Docs", "description": "Document the export", "dependsOn": [2]],
    ]

    @Test func theSeedFlowFromPlanToCompletion() throws {
        var harness = ServerHarness()
        harness.initialize()
        let planned = harness.call(
            "request_planning", ["originalRequest": "Add a CSV export", "tasks": Self.threeTasks])
        #expect(planned["structuredContent"]?["requestId"] == "req-1")
        let text = try #require(planned["content"]?[0]?["text"]?.stringValue)
        #expect(text.contains("| 2 | task-2 | Tests | medium | task-1 | pending |"))

        for (index, task) in ["task-1", "task-2", "task-3"].enumerated() {
            let next = harness.call("get_next_task")
            #expect(next["structuredContent"]?["status"] == "claimed")
            #expect(next["structuredContent"]?["task"]?["id"] == .string(task))
            #expect(next["content"]?[0]?["text"]?.stringValue?.contains("in progress (harness)") == true)
            let done = harness.call(
                "mark_task_done",
                ["requestId": "req-1", "taskId": .string(task), "completedDetails": .string("Did \(task)")])
            #expect(done["content"]?[0]?["text"]?.stringValue?.contains("done — awaiting approval") == true)
            // The gate: nothing new until the finished task is approved.
            let gated = harness.call("get_next_task", ["requestId": "req-1"])
            #expect(gated["structuredContent"]?["status"] == "awaiting_approval")
            #expect(gated["structuredContent"]?["awaitingApproval"] == [.string(task)])
            #expect(
                ServerHarness.errorCode(harness.call("approve_request_completion", ["requestId": "req-1"]))
                    == "request_not_finished")
            if index == 1 {
                let rejected = harness.call(
                    "reject_task", ["requestId": "req-1", "taskId": "task-2", "feedback": "Cover empty files"])
                #expect(rejected["structuredContent"]?["task"]?["status"] == "in_progress")
                let again = harness.call("get_next_task")
                #expect(again["structuredContent"]?["status"] == "resumed")
                #expect(
                    again["content"]?[0]?["text"]?.stringValue?.contains(
                        "Feedback from the last review: Cover empty files") == true)
                _ = harness.call(
                    "mark_task_done",
                    ["requestId": "req-1", "taskId": "task-2", "completedDetails": "Now with empty files"])
            }
            let approved = harness.call("approve_task_completion", ["requestId": "req-1", "taskId": .string(task)])
            #expect(approved["structuredContent"]?["task"]?["status"] == "approved")
            #expect(approved["structuredContent"]?["unlocked"] == (index < 2 ? [.string("task-\(index + 2)")] : []))
        }
        #expect(harness.call("get_next_task")["structuredContent"]?["status"] == "ready_for_completion")
        let completed = harness.call("approve_request_completion", ["requestId": "req-1"])
        #expect(completed["structuredContent"]?["request"]?["status"] == "completed")

        let changes: [(String, JSONValue)] = [
            ("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "x"]),
            ("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"]),
            ("reject_task", ["requestId": "req-1", "taskId": "task-1", "feedback": "x"]),
            ("approve_request_completion", ["requestId": "req-1"]),
            ("add_tasks_to_request", ["requestId": "req-1", "tasks": [["title": "x", "description": "y"]]]),
            ("update_task", ["requestId": "req-1", "taskId": "task-1", "title": "x"]),
            ("delete_task", ["requestId": "req-1", "taskId": "task-1"]),
            ("restore_task", ["requestId": "req-1", "taskId": "task-1"]),
            ("get_next_task", ["requestId": "req-1"]),
        ]
        for (tool, arguments) in changes {
            #expect(
                ServerHarness.errorCode(harness.call(tool, arguments.objectValue!)) == "request_completed", "\(tool)")
        }
        let details = harness.call("open_task_details", ["taskId": "task-2"])
        let actions = details["structuredContent"]?["task"]?["history"]?.arrayValue?.compactMap {
            $0["action"]?.stringValue
        }
        #expect(actions == ["planned", "claimed", "marked_done", "rejected", "marked_done", "approved"])
        #expect(details["structuredContent"]?["task"]?["history"]?[3]?["note"] == "Cover empty files")
        #expect(
            harness.call("list_requests", ["status": "completed"])["structuredContent"]?["requests"]?[0]?["id"]
                == "req-1")
        #expect(harness.call("list_requests", ["status": "active"])["structuredContent"]?["requests"] == [])
    }

    @Test func refusalsCarryAStableCodeAndASentence() throws {
        var harness = ServerHarness()
        harness.initialize()
        _ = harness.call("request_planning", ["originalRequest": "R", "tasks": Self.threeTasks])
        let cases: [(String, JSONValue, String)] = [
            (
                "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "x"],
                "task_not_started"
            ),
            ("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "   "], "empty_field"),
            ("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"], "task_not_done"),
            ("approve_task_completion", ["requestId": "req-7", "taskId": "task-1"], "request_not_found"),
            ("approve_task_completion", ["requestId": "req-1", "taskId": "task-9"], "task_not_found"),
            ("open_task_details", ["taskId": "task-9"], "task_not_found"),
            ("update_task", ["requestId": "req-1", "taskId": "task-1"], "nothing_to_update"),
            ("update_task", ["requestId": "req-1", "taskId": "task-1", "dependsOn": ["task-3"]], "dependency_cycle"),
            ("update_task", ["requestId": "req-1", "taskId": "task-1", "dependsOn": ["task-1"]], "self_dependency"),
            (
                "update_task", ["requestId": "req-1", "taskId": "task-1", "dependsOn": ["task-77"]],
                "unknown_dependency"
            ),
            ("delete_task", ["requestId": "req-1", "taskId": "task-1"], "task_has_dependents"),
            (
                "add_tasks_to_request",
                ["requestId": "req-1", "tasks": [["title": "x", "description": "y", "dependsOn": ["nothing"]]]],
                "unknown_dependency"
            ),
            (
                "request_planning",
                ["originalRequest": "R", "tasks": [["title": "a", "description": "b", "dependsOn": [1]]]],
                "self_dependency"
            ),
            ("restore_task", ["requestId": "req-1", "taskId": "task-2"], "task_not_deleted"),
            ("get_next_task", ["requestId": "req-5"], "request_not_found"),
        ]
        for (tool, arguments, code) in cases {
            let result = harness.call(tool, arguments.objectValue!)
            #expect(ServerHarness.errorCode(result) == code, "\(tool) \(arguments)")
            let sentence = result["structuredContent"]?["error"]?["message"]?.stringValue ?? ""
            #expect(sentence.hasSuffix(".") && sentence.count > 20, "\(tool): \(sentence)")
        }
        // Nothing refused reached the file: one plan, three tasks, revision 1.
        #expect(harness.call("list_requests")["structuredContent"]?["requests"]?.arrayValue?.count == 1)
    }

    /// The tool-level matrix: each task-changing tool against a task in each status.
    struct WireCase: Sendable, CustomTestStringConvertible {
        let tool: String
        let status: String
        let expected: String?
        var testDescription: String { "\(tool) on a \(status) task → \(expected ?? "allowed")" }
    }

    static let wireMatrix: [WireCase] = [
        ("mark_task_done", ["task_not_started", nil, "task_already_done", "task_already_approved", "task_deleted"]),
        ("approve_task_completion", ["task_not_done", "task_not_done", nil, "task_already_approved", "task_deleted"]),
        ("reject_task", ["task_not_done", "task_not_done", nil, "task_already_approved", "task_deleted"]),
        ("update_task", [nil, nil, "task_immutable", "task_immutable", "task_deleted"]),
        ("delete_task", [nil, nil, "task_immutable", "task_immutable", "task_deleted"]),
        ("restore_task", ["task_not_deleted", "task_not_deleted", "task_not_deleted", "task_not_deleted", nil]),
    ].flatMap { tool, row in
        zip(["pending", "in_progress", "done", "approved", "deleted"], row).map {
            WireCase(tool: tool, status: $0, expected: $1)
        }
    }

    @Test(arguments: wireMatrix)
    func eachToolAgainstEachStatus(_ pair: WireCase) throws {
        var harness = ServerHarness()
        harness.initialize()
        // Under `end` there is no gate, so tasks can sit in every status at once:
        // task-1 pending, task-2 in progress, task-3 done, task-4 approved, task-5 deleted.
        let tasks: JSONValue = [
            ["title": "p", "description": "d", "priority": "low"],
            ["title": "i", "description": "d", "priority": "high"],
            ["title": "d", "description": "d", "priority": "high"],
            ["title": "a", "description": "d", "priority": "high"],
            ["title": "x", "description": "d", "priority": "low"],
        ]
        _ = harness.call("request_planning", ["originalRequest": "R", "tasks": tasks, "approvalPolicy": "end"])
        for instance in ["A", "B", "C"] { _ = harness.call("get_next_task", ["instanceId": .string(instance)]) }
        for task in ["task-3", "task-4"] {
            _ = harness.call(
                "mark_task_done", ["requestId": "req-1", "taskId": .string(task), "completedDetails": "ok"])
        }
        _ = harness.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-4"])
        _ = harness.call("delete_task", ["requestId": "req-1", "taskId": "task-5"])
        let taskID: JSONValue = [
            "pending": "task-1", "in_progress": "task-2", "done": "task-3", "approved": "task-4", "deleted": "task-5",
        ][pair.status]!
        let status = harness.call("open_task_details", ["taskId": taskID])["structuredContent"]?["task"]
        #expect(status?["status"]?.stringValue == (pair.status == "deleted" ? "pending" : pair.status))
        var arguments: [String: JSONValue] = ["requestId": "req-1", "taskId": taskID]
        switch pair.tool {
        case "mark_task_done": arguments["completedDetails"] = "finished"
        case "reject_task": arguments["feedback"] = "again"
        case "update_task": arguments["priority"] = "high"
        default: break
        }
        let result = harness.call(pair.tool, arguments)
        #expect(ServerHarness.errorCode(result) == pair.expected, "\(result)")
    }

    @Test func anExpiredLeaseHandsTheTaskToTheNextInstance() throws {
        let clock = TestClock()
        var harness = ServerHarness(clock: clock, leaseSeconds: 600)
        harness.initialize()
        _ = harness.call(
            "request_planning", ["originalRequest": "R", "tasks": [["title": "only", "description": "d"]]])
        #expect(harness.call("get_next_task", ["instanceId": "A"])["structuredContent"]?["status"] == "claimed")
        #expect(harness.call("get_next_task", ["instanceId": "B"])["structuredContent"]?["status"] == "waiting")
        clock.advance(seconds: 600)
        let taken = harness.call("get_next_task", ["instanceId": "B"])
        #expect(taken["structuredContent"]?["status"] == "claimed")
        #expect(taken["structuredContent"]?["task"]?["assignee"] == "B")
        let late = harness.call(
            "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "x", "instanceId": "A"])
        #expect(ServerHarness.errorCode(late) == "task_held_by_other")
        let history = harness.call("open_task_details", ["taskId": "task-1"])["structuredContent"]?["task"]?["history"]?
            .arrayValue
        #expect(history?.map { $0["actor"] } == ["harness", "A", "server", "B"])
    }

    @Test func readsNeverWriteTheFile() throws {
        var harness = ServerHarness()
        harness.initialize()
        _ = harness.call("list_requests")
        _ = harness.call("get_next_task")
        _ = harness.call("open_task_details", ["taskId": "task-1"])
        #expect(!FileManagerProbe.exists(harness.statePath))
    }
}
