import Foundation
import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// The taskmanager set: mcp-taskmanager's names are the default set's, and with the set enabled the
/// results carry its `status` words and its `message` with the progress table.
@Suite struct TaskmanagerSetTests {
    /// The project's documented flow, over stdio with the real binary.
    @Test func theDocumentedFlowOverStdio() throws {
        let client = try LineClient(arguments: [
            "--state", ServerProcess.temporaryStatePath(), "--toolsets", "taskmanager",
        ])
        let tools =
            try client.request("tools/list", [:])["result"]?["tools"]?.arrayValue?.compactMap {
                $0["name"]?.stringValue
            } ?? []
        #expect(tools.count == 13 && tools.contains("request_planning") && !tools.contains("start_workflow"))
        let planned = try client.call(
            "request_planning",
            [
                "originalRequest": "Export CSV", "splitDetails": "two steps",
                "tasks": [
                    ["title": "Write exporter", "description": "Code it"],
                    ["title": "Test exporter", "description": "Test it"],
                ],
            ])
        #expect(planned["structuredContent"]?["status"] == "planned")
        #expect(planned["structuredContent"]?["requestId"] == "req-1")
        #expect(
            planned["structuredContent"]?["message"]?.stringValue?.contains("| 1 | task-1 | Write exporter |") == true)
        for task in ["task-1", "task-2"] {
            let next = try client.call("get_next_task", ["requestId": "req-1"])
            #expect(next["structuredContent"]?["task"]?["id"] == .string(task))
            #expect(next["structuredContent"]?["message"] != nil)
            // mcp-taskmanager lets completedDetails be left out; this server refuses that, naming the field.
            let lax = try client.call("mark_task_done", ["requestId": "req-1", "taskId": .string(task)])
            #expect(lax["isError"] == true)
            #expect(lax["content"]?[0]?["text"]?.stringValue?.contains("completedDetails") == true)
            let done = try client.call(
                "mark_task_done", ["requestId": "req-1", "taskId": .string(task), "completedDetails": "done"])
            #expect(done["structuredContent"]?["status"] == "task_marked_done")
            #expect(done["structuredContent"]?["task"]?["status"] == "done")
            let approved = try client.call("approve_task_completion", ["requestId": "req-1", "taskId": .string(task)])
            #expect(approved["structuredContent"]?["status"] == "task_approved")
        }
        let closed = try client.call("approve_request_completion", ["requestId": "req-1"])
        #expect(closed["structuredContent"]?["status"] == "request_approved_complete")
        #expect(try client.call("list_requests")["structuredContent"]?["status"] == "requests_listed")
        #expect(
            try client.call("open_task_details", ["taskId": "task-1"])["structuredContent"]?["status"] == "task_details"
        )
        #expect(client.close() == 0)
    }

    /// Without the set, results stay as they are: no duplicate of the text in structured content.
    @Test func theFieldsAreAddedOnlyWhenTheSetIsEnabled() {
        var harness = ServerHarness()
        harness.initialize()
        let planned = harness.call(
            "request_planning", ["originalRequest": "r", "tasks": [["title": "a", "description": "d"]]])
        #expect(planned["structuredContent"]?["message"] == nil)
        #expect(planned["structuredContent"]?["status"] == nil)
    }
}
