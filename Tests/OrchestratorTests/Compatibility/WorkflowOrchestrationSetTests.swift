import Foundation
import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// The workflow-orchestration tool set: its names over the same workflows, runs and tasks.
@Suite struct WorkflowOrchestrationSetTests {
    static let steps: JSONValue = [
        ["id": "test", "name": "Test", "type": "shell", "dependencies": ["build"]],
        ["id": "build", "name": "Build", "type": "shell", "parameters": ["target": "release"]],
        ["id": "ship", "name": "Ship", "dependencies": ["test"]],
    ]

    /// The documented flow over stdio, with the default sets on as well (shared names take both shapes).
    @Test func theDocumentedFlowOverStdio() throws {
        let directory = TemporaryDirectory.make() + "/flows"
        let client = try LineClient(arguments: [
            "--state", ServerProcess.temporaryStatePath(), "--toolsets", "core,workflows,workflow-orchestration",
            "--workflows", directory,
        ])
        let created = try client.call(
            "create_workflow",
            [
                "workflow_id": "deploy", "name": "Deploy", "description": "Build, test, ship.", "pattern": "pipeline",
                "steps": Self.steps,
            ])
        #expect(created["isError"] == nil, "\(created)")
        #expect(
            created["structuredContent"]?["workflow"]?["steps"]?.arrayValue?.map { $0["name"] } == [
                "Build", "Test", "Ship",
            ])
        #expect(
            try client.call("get_workflow", ["workflow_id": "deploy"])["structuredContent"]?["workflow"]?["status"]
                == "valid")
        #expect(
            try client.call("list_workflows", ["pattern_filter": "pipeline"])["structuredContent"]?["workflows"]?
                .arrayValue?.count == 1)
        #expect(
            try client.call("list_workflows", ["status_filter": "invalid"])["structuredContent"]?["workflows"] == [])
        // The default set's shape of the same name still works.
        #expect(try client.call("list_workflows")["structuredContent"]?["workflows"]?[0]?["name"] == "deploy")

        let execution = try client.call(
            "execute_workflow", ["workflow_id": "deploy", "parameters": ["version": "1.2"]])
        let id = try #require(execution["structuredContent"]?["execution_id"]?.stringValue)
        #expect(execution["structuredContent"]?["run"]?["current_context"] == ["version": "1.2"])
        for step in ["Build", "Test", "Ship"] {
            let status = try client.call("get_workflow_status", ["execution_id": .string(id)])
            #expect(status["structuredContent"]?["run"]?["next_step"]?["step_name"] == .string(step))
            _ = try client.call(
                "advance_workflow",
                ["instance_id": .string(id), "report": ["step_id": .string(step), "status": "success"]])
        }
        #expect(
            try client.call("get_workflow_status", ["execution_id": .string(id)])["structuredContent"]?["status"]
                == "completed")

        let group = try client.call(
            "distribute_task", ["task_definition": "Run smoke tests", "target_machines": ["m1", "m2"]])
        let groupID = try #require(group["structuredContent"]?["task_group_id"]?.stringValue)
        #expect(
            group["structuredContent"]?["tasks"]?.arrayValue?.map { $0["status"] } == ["in_progress", "in_progress"])
        let first = try #require(group["structuredContent"]?["tasks"]?[0]?["task_id"]?.stringValue)
        _ = try client.call(
            "mark_task_done",
            [
                "requestId": .string(groupID), "taskId": .string(first), "completedDetails": "ok on m1",
                "instanceId": "m1",
            ])
        let aggregate = try client.call("aggregate_task_results", ["task_group_id": .string(groupID)])
        #expect(aggregate["structuredContent"]?["completed"] == 1)
        #expect(aggregate["structuredContent"]?["results"]?[0]?["result"] == "ok on m1")
        #expect(aggregate["structuredContent"]?["results"]?[1]?["assignee"] == "m2")
        #expect(
            try client.call("get_task_status", ["task_id": .string(first)])["structuredContent"]?["status"]
                == "completed")

        let health = try client.call("get_system_health")
        #expect(health["structuredContent"]?["healthy"] == true)
        #expect(health["structuredContent"]?["lock_file"]?["exists"] == true)
        let metrics = try client.call("get_workflow_metrics", ["time_range": "24h"])
        #expect(metrics["structuredContent"]?["runs"]?["completed"] == 1)
        #expect(metrics["structuredContent"]?["tasks"]?["finished"] == 4)
        let exported = try client.call("export_workflow_data", ["workflow_id": "deploy", "format": "json"])
        let data = try JSONParser.parse(try #require(exported["structuredContent"]?["data"]?.stringValue))
        #expect(data["runs"]?[0]?["status"] == "completed")
        let markdown = try client.call("export_workflow_data", ["workflow_id": "deploy", "format": "markdown"])
        #expect(markdown["structuredContent"]?["data"]?.stringValue?.contains("- \(id): completed") == true)
        #expect(client.close() == 0)
    }

    @Test func patternsCheckTheContextTheyRequire() throws {
        var harness = ServerHarness(
            toolsets: [.server, .workflowOrchestration], workflowDirectories: [WorkflowFixtures.shipped])
        harness.initialize()
        let patterns = harness.call("list_patterns")["structuredContent"]?["patterns"]?.arrayValue ?? []
        #expect(patterns.first { $0["pattern_name"] == "refactor_with_tests" }?["required_parameters"] == ["goal"])
        let missing = harness.call(
            "validate_pattern_application", ["pattern_name": "refactor_with_tests", "target_component": "Parser"])
        #expect(missing["structuredContent"]?["valid"] == false)
        #expect(missing["structuredContent"]?["missing_parameters"] == ["goal"])
        #expect(
            ServerHarness.errorCode(
                harness.call("apply_pattern", ["pattern_name": "refactor_with_tests", "target_component": "Parser"]))
                == "pattern_parameters_missing")
        let applied = harness.call(
            "apply_pattern",
            ["pattern_name": "refactor_with_tests", "target_component": "Parser", "parameters": ["goal": "split it"]])
        #expect(applied["structuredContent"]?["run"]?["current_context"] == ["goal": "split it", "target": "Parser"])
        #expect(
            ServerHarness.errorCode(
                harness.call("validate_pattern_application", ["pattern_name": "nope", "target_component": "x"]))
                == "workflow_not_found")
    }

    @Test func badArgumentsGetClearAnswersInItsOwnShapes() {
        var harness = ServerHarness(
            toolsets: [.server, .workflowOrchestration], workflowDirectories: [TemporaryDirectory.make() + "/flows"])
        harness.initialize()
        let cycle: JSONValue = [
            ["id": "a", "name": "A", "dependencies": ["b"]], ["id": "b", "name": "B", "dependencies": ["a"]],
        ]
        #expect(
            ServerHarness.errorCode(harness.call("create_workflow", ["workflow_id": "w", "name": "W", "steps": cycle]))
                == "dependency_cycle")
        let unknown: JSONValue = [["id": "a", "name": "A", "dependencies": ["z"]]]
        #expect(
            ServerHarness.errorCode(
                harness.call("create_workflow", ["workflow_id": "w", "name": "W", "steps": unknown]))
                == "unknown_dependency")
        #expect(
            harness.call(
                "create_workflow", ["workflow_id": "../w", "name": "W", "steps": [["id": "a", "name": "A"]]])["isError"]
                == true)
        #expect(harness.call("get_workflow_metrics", ["time_range": "forever"])["isError"] == true)
        #expect(
            ServerHarness.errorCode(
                harness.call("distribute_task", ["task_definition": "t", "target_machines": ["m", "m"]]))
                == "duplicate_target")
        #expect(
            ServerHarness.errorCode(harness.call("execute_workflow", ["workflow_id": "none"])) == "workflow_not_found")
        #expect(
            ServerHarness.errorCode(harness.call("get_workflow_status", ["execution_id": "run-4"])) == "run_not_found")
        #expect(harness.call("export_workflow_data", ["workflow_id": "x", "format": "pdf"])["isError"] == true)
    }
}
