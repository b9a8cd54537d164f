import Foundation
import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// The task-orchestrator tool set: mcp-task-orchestrator's names over the same core.
@Suite struct TaskOrchestratorSetTests {
    static let subtasks = #"""
        [{"title": "Design", "description": "Design the cache", "specialist_type": "architect", "estimated_effort": "1h"},
         {"title": "Build", "description": "Write the cache", "specialist_type": "implementer", "dependencies": ["Design"]},
         {"title": "Verify", "description": "Test the cache", "specialist_type": "tester", "dependencies": ["Build"]}]
        """#

    /// The project's documented flow, over stdio with the real binary.
    @Test func theDocumentedFlowOverStdio() throws {
        let client = try LineClient(arguments: [
            "--state", ServerProcess.temporaryStatePath(), "--toolsets", "task-orchestrator", "--workflows",
            WorkflowFixtures.shipped,
        ])
        let session = try client.call("orchestrator_initialize_session")
        #expect(session["structuredContent"]?["specialist_roles"]?["architect"] == "Architect")
        let plan = try client.call(
            "orchestrator_plan_task",
            [
                "description": "Add a cache", "subtasks_json": .string(Self.subtasks), "complexity_level": "moderate",
            ])
        #expect(plan["structuredContent"]?["parent_task_id"] == "req-1")
        #expect(plan["structuredContent"]?["subtasks"]?[1]?["dependencies"] == ["task-1"])
        #expect(plan["structuredContent"]?["subtasks"]?[0]?["specialist_type"] == "architect")

        let design = try client.call("orchestrator_execute_subtask", ["task_id": "task-1"])
        #expect(design["structuredContent"]?["specialist_guidance"]?.stringValue?.hasPrefix("# Architect") == true)
        _ = try client.call(
            "orchestrator_complete_subtask", ["task_id": "task-1", "results": "An LRU map", "next_action": "continue"])
        let build = try client.call("orchestrator_execute_subtask", ["task_id": "task-2"])
        #expect(build["structuredContent"]?["dependency_results"] == ["task-1": "An LRU map"])
        _ = try client.call(
            "orchestrator_complete_subtask",
            [
                "task_id": "task-2", "results": "Cache.swift", "artifacts": ["Sources/Cache.swift"],
                "next_action": "continue",
            ])
        _ = try client.call("orchestrator_execute_subtask", ["task_id": "task-3"])
        let last = try client.call(
            "orchestrator_complete_subtask", ["task_id": "task-3", "results": "All green", "next_action": "complete"])
        #expect(last["structuredContent"]?["plan_completed"] == true)
        let document = try client.call("orchestrator_synthesize_results", ["parent_task_id": "req-1"])
        #expect(document["structuredContent"]?["finished"] == 3)
        #expect(
            document["structuredContent"]?["document"]?.stringValue?.contains(
                "## Build (implementer)\n\nCache.swift\n\nArtifacts: Sources/Cache.swift") == true)
        #expect(try client.call("orchestrator_get_status")["structuredContent"]?["plans"] == [])
        #expect(
            try client.call("orchestrator_get_status", ["include_completed": true])["structuredContent"]?["plans"]?[0]?[
                "status"] == "completed")
        #expect(client.close() == 0)
    }

    @Test func badArgumentsAndBrokenOrderGetClearAnswersInItsOwnShapes() {
        var harness = ServerHarness(toolsets: [.server, .taskOrchestrator])
        harness.initialize()
        let notJSON = harness.call("orchestrator_plan_task", ["description": "d", "subtasks_json": "[{oops"])
        #expect(ServerHarness.errorCode(notJSON) == "invalid_subtasks_json")
        let missing = harness.call(
            "orchestrator_plan_task", ["description": "d", "subtasks_json": #"[{"title": "a", "description": "b"}]"#])
        #expect(missing["content"]?[0]?["text"]?.stringValue?.contains("subtasks_json[0].specialist_type") == true)
        let unknown = harness.call(
            "orchestrator_plan_task",
            [
                "description": "d",
                "subtasks_json":
                    #"[{"title": "a", "description": "b", "specialist_type": "x", "dependencies": ["nope"]}]"#,
            ])
        #expect(ServerHarness.errorCode(unknown) == "unknown_dependency")
        _ = harness.call("orchestrator_plan_task", ["description": "d", "subtasks_json": .string(Self.subtasks)])
        #expect(
            ServerHarness.errorCode(harness.call("orchestrator_execute_subtask", ["task_id": "task-2"]))
                == "dependencies_unmet")
        _ = harness.call("orchestrator_execute_subtask", ["task_id": "task-1"])
        let revise = harness.call(
            "orchestrator_complete_subtask", ["task_id": "task-1", "results": "half", "next_action": "needs_revision"])
        #expect(revise["structuredContent"]?["subtask"]?["status"] == "in_progress")
        #expect(
            harness.call(
                "orchestrator_complete_subtask", ["task_id": "task-1", "results": "x", "next_action": "later"])[
                    "isError"] == true)
        #expect(
            ServerHarness.errorCode(harness.call("orchestrator_synthesize_results", ["parent_task_id": "req-9"]))
                == "request_not_found")
        let session = harness.call("orchestrator_initialize_session")
        #expect(session["structuredContent"]?["interrupted_tasks"]?.arrayValue?.map { $0["task_id"] } == ["task-1"])
    }
}
