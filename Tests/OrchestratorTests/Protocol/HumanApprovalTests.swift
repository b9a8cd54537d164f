import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// `--approver human`: the model's approve call never approves by itself.
struct HumanApprovalTests {
    static let elicitation: JSONValue = ["elicitation": [:]]

    /// A human-approver server with one request whose task-1 is done.
    func prepared(capabilities: JSONValue = [:], modern: Bool = false) -> ServerHarness {
        var harness = ServerHarness(approver: .human)
        if !modern { harness.initialize("2025-11-25", capabilities: capabilities) }
        let tasks: JSONValue = [
            ["title": "Write", "description": "Write it"], ["title": "Check", "description": "Check it"],
        ]
        let steps: [(String, [String: JSONValue])] = [
            ("request_planning", ["originalRequest": "R", "tasks": tasks]),
            ("get_next_task", [:]),
            ("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "Wrote it"]),
        ]
        for (tool, arguments) in steps {
            if modern {
                _ = harness.modern(
                    "tools/call", params: ["name": .string(tool), "arguments": .object(arguments)],
                    capabilities: capabilities)
            } else {
                _ = harness.call(tool, arguments)
            }
        }
        return harness
    }

    func status(_ harness: inout ServerHarness, _ task: String = "task-1") -> JSONValue? {
        harness.call("open_task_details", ["taskId": .string(task)])["structuredContent"]?["task"]?["status"]
    }

    @Test func withoutElicitationTheRefusalSaysWhereThePersonDecidesAndHandsNoCommand() throws {
        var harness = prepared()
        let result = harness.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"])
        #expect(ServerHarness.errorCode(result) == "human_approval_required")
        let sentence = try #require(result["structuredContent"]?["error"]?["message"]?.stringValue)
        #expect(
            sentence.contains("the person decides on the board, in the client's dialog, or from their own terminal"))
        #expect(sentence.contains("waitSeconds"))
        #expect(!sentence.contains("mcp-orchestrator") && !sentence.contains("--state"), "\(sentence)")
        #expect(status(&harness) == "done")
        #expect(
            ServerHarness.errorCode(harness.call("approve_request_completion", ["requestId": "req-1"]))
                == "request_not_finished")
    }

    @Test func theAutoPolicyIsRefusedBecauseItWouldBypassThePerson() {
        var harness = ServerHarness(approver: .human)
        harness.initialize()
        let result = harness.call(
            "request_planning",
            ["originalRequest": "R", "tasks": [["title": "a", "description": "b"]], "approvalPolicy": "auto"])
        #expect(ServerHarness.errorCode(result) == "policy_needs_agent_approver")
    }

    @Test func theServerAsksThePersonAndApprovesOnTheirWord() throws {
        var harness = prepared(capabilities: Self.elicitation)
        let asked = harness.send(
            [
                "jsonrpc": "2.0", "id": 40, "method": "tools/call",
                "params": [
                    "name": "approve_task_completion", "arguments": ["requestId": "req-1", "taskId": "task-1"],
                ],
            ] as JSONValue)
        let question = try #require(asked.first)
        #expect(question["method"] == "elicitation/create")
        #expect(question["params"]?["message"]?.stringValue?.contains("What was done: Wrote it") == true)
        #expect(question["params"]?["requestedSchema"]?["properties"]?["decision"]?["enum"] == ["approve", "reject"])
        #expect(status(&harness) == "done")
        let answered = harness.send(
            [
                "jsonrpc": "2.0", "id": question["id"]!,
                "result": ["action": "accept", "content": ["decision": "approve"]],
            ] as JSONValue)
        let result = try #require(answered.first?["result"])
        #expect(answered.first?["id"] == 40)
        #expect(result["structuredContent"]?["decision"] == "approved")
        #expect(result["structuredContent"]?["task"]?["approvedBy"] == "person via elicitation in harness")
        #expect(status(&harness) == "approved")
    }

    @Test func aRejectionByThePersonSendsTheTaskBackWithTheirFeedback() throws {
        var harness = prepared(capabilities: Self.elicitation)
        let asked = harness.send(
            [
                "jsonrpc": "2.0", "id": 41, "method": "tools/call",
                "params": [
                    "name": "approve_task_completion", "arguments": ["requestId": "req-1", "taskId": "task-1"],
                ],
            ] as JSONValue)
        let answered = harness.send(
            [
                "jsonrpc": "2.0", "id": asked[0]["id"]!,
                "result": ["action": "accept", "content": ["decision": "reject", "feedback": "Add examples"]],
            ] as JSONValue)
        #expect(answered.first?["result"]?["structuredContent"]?["decision"] == "rejected")
        #expect(status(&harness) == "in_progress")
        let history = harness.call("open_task_details", ["taskId": "task-1"])["structuredContent"]?["task"]?["history"]?
            .arrayValue?.last
        #expect(history?["actor"] == "person via elicitation in harness")
        #expect(history?["note"] == "Add examples")
    }

    @Test(arguments: [("decline", "approval_declined"), ("cancel", "approval_cancelled")])
    func aPersonWhoDoesNotDecideChangesNothing(action: String, code: String) throws {
        var harness = prepared(capabilities: Self.elicitation)
        let asked = harness.send(
            [
                "jsonrpc": "2.0", "id": 42, "method": "tools/call",
                "params": [
                    "name": "approve_task_completion", "arguments": ["requestId": "req-1", "taskId": "task-1"],
                ],
            ] as JSONValue)
        let answered = harness.send(
            ["jsonrpc": "2.0", "id": asked[0]["id"]!, "result": ["action": .string(action)]] as JSONValue)
        #expect(ServerHarness.errorCode(answered.first?["result"] ?? .null) == code)
        #expect(status(&harness) == "done")
    }

    @Test func aTaskThatCannotBeApprovedIsRefusedWithoutAskingAnyone() {
        var harness = prepared(capabilities: Self.elicitation)
        let replies = harness.send(
            [
                "jsonrpc": "2.0", "id": 43, "method": "tools/call",
                "params": [
                    "name": "approve_task_completion", "arguments": ["requestId": "req-1", "taskId": "task-2"],
                ],
            ] as JSONValue)
        #expect(replies.count == 1)
        #expect(ServerHarness.errorCode(replies.first?["result"] ?? .null) == "task_not_done")
    }

    @Test func in2026TheQuestionIsAnInputRequiredResultAndTheRetryCarriesTheAnswer() throws {
        var harness = prepared(capabilities: Self.elicitation, modern: true)
        let arguments: JSONValue = ["requestId": "req-1", "taskId": "task-1"]
        let first = try #require(
            harness.modern(
                "tools/call", params: ["name": "approve_task_completion", "arguments": arguments],
                capabilities: Self.elicitation
            ).first?["result"])
        #expect(first["resultType"] == "input_required")
        #expect(first["inputRequests"]?["approval"]?["method"] == "elicitation/create")
        let retry = try #require(
            harness.modern(
                "tools/call", id: 2,
                params: [
                    "name": "approve_task_completion", "arguments": arguments,
                    "inputResponses": ["approval": ["action": "accept", "content": ["decision": "approve"]]],
                    "requestState": first["requestState"] ?? .null,
                ],
                capabilities: Self.elicitation
            ).first?["result"])
        #expect(retry["structuredContent"]?["task"]?["status"] == "approved")
        #expect(retry["structuredContent"]?["task"]?["approvedBy"] == "person via elicitation in harness")
    }

    @Test func closingTheRequestIsThePersonsCallToo() throws {
        var harness = prepared(capabilities: Self.elicitation)
        for (id, task) in [(50, "task-1"), (52, "task-2")] {
            if task == "task-2" {
                _ = harness.call("get_next_task")
                _ = harness.call(
                    "mark_task_done", ["requestId": "req-1", "taskId": "task-2", "completedDetails": "Checked"])
            }
            let asked = harness.send(
                [
                    "jsonrpc": "2.0", "id": .int(id), "method": "tools/call",
                    "params": [
                        "name": "approve_task_completion",
                        "arguments": ["requestId": "req-1", "taskId": .string(task)],
                    ],
                ] as JSONValue)
            _ = harness.send(
                [
                    "jsonrpc": "2.0", "id": asked[0]["id"]!,
                    "result": ["action": "accept", "content": ["decision": "approve"]],
                ] as JSONValue)
        }
        let asked = harness.send(
            [
                "jsonrpc": "2.0", "id": 60, "method": "tools/call",
                "params": ["name": "approve_request_completion", "arguments": ["requestId": "req-1"]],
            ] as JSONValue)
        #expect(asked.first?["method"] == "elicitation/create")
        let answered = harness.send(
            [
                "jsonrpc": "2.0", "id": asked[0]["id"]!,
                "result": ["action": "accept", "content": ["decision": "approve"]],
            ] as JSONValue)
        #expect(
            answered.first?["result"]?["structuredContent"]?["request"]?["completedBy"]
                == "person via elicitation in harness")
    }
}
