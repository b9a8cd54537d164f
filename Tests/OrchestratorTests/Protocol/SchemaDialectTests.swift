import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// Every tool of every tool set is one that the popular clients and model APIs accept (issue 15):
/// their schema dialects, `null` for an absent field, exact shared-name schemas.
@Suite struct SchemaDialectTests {
    static let configurations: [[Toolset]] =
        [[.server] + Toolset.defaultSelection, Toolset.allCases]
        + [Toolset.taskmanager, .orchestratorServer, .taskOrchestrator, .workflowOrchestration].map { [.server, $0] }

    /// Every schema node below `node`, with its path.
    static func nodes(_ node: JSONValue, path: String = "") -> [(path: String, schema: [String: JSONValue])] {
        guard case .object(let schema) = node else { return [] }
        var found = [(path, schema)]
        for (name, property) in schema["properties"]?.objectValue ?? [:] {
            found += nodes(property, path: path + "." + name)
        }
        if let items = schema["items"] { found += nodes(items, path: path + "[]") }
        for (index, branch) in (schema["anyOf"]?.arrayValue ?? []).enumerated() {
            found += nodes(branch, path: path + "|\(index)")
        }
        if case .object? = schema["additionalProperties"] {
            found += nodes(schema["additionalProperties"]!, path: path + ".*")
        }
        return found
    }

    @Test(arguments: configurations)
    func everyToolFitsEveryDialect(toolsets: [Toolset]) throws {
        var harness = ServerHarness(toolsets: toolsets)
        harness.initialize()
        let tools = try #require(harness.request("tools/list")["result"]?["tools"]?.arrayValue)
        let propertyName = try Regex("^[a-zA-Z0-9_.-]{1,64}$")
        for tool in tools {
            let name = tool["name"]?.stringValue ?? "?"
            let input = try #require(tool["inputSchema"])
            // Anthropic: an object root without combinators, no $ref, plain property names.
            #expect(input["type"] == "object", "\(name)")
            #expect(input["oneOf"] == nil && input["anyOf"] == nil && input["allOf"] == nil, "\(name)")
            #expect(!input.description.contains("\"$ref\""), "\(name)")
            // Cursor: server name and tool name together within 60 characters.
            #expect("mcp-orchestrator".count + name.count <= 60, "\(name)")
            for (path, schema) in Self.nodes(input) {
                for property in (schema["properties"]?.objectValue ?? [:]).keys {
                    #expect((try? propertyName.wholeMatch(in: property)) != nil, "\(name)\(path).\(property)")
                }
                // OpenAI: every array says what it holds; no type lists; every property typed.
                if schema["type"] == "array" { #expect(schema["items"] != nil, "\(name)\(path) has no items") }
                if case .array? = schema["type"] { Issue.record("\(name)\(path) has a type list") }
                if !path.isEmpty {
                    #expect(schema["type"] != nil || schema["anyOf"] != nil, "\(name)\(path) has no type")
                }
            }
            // Clients that need an object root for the output schema.
            if let output = tool["outputSchema"] { #expect(output["type"] == "object", "\(name) output") }
        }
    }

    @Test func sharedNamesPublishExactShapesAndAcceptWhatTheyPublish() throws {
        var harness = ServerHarness(toolsets: Toolset.allCases, workflowDirectories: [TemporaryDirectory.make()])
        harness.initialize()
        let tools = try #require(harness.request("tools/list")["result"]?["tools"]?.arrayValue)
        let create = try #require(tools.first { $0["name"] == "create_workflow" })
        let steps = try #require(create["inputSchema"]?["properties"]?["steps"]?["anyOf"]?.arrayValue)
        #expect(
            steps.count == 2 && steps.allSatisfy { $0["items"]?["properties"] != nil }, "both shapes, nested items kept"
        )
        #expect(create["inputSchema"]?["required"] == ["steps"], "what every variant requires")
        // A client that sends every declared property is served, routed to the variant that
        // declares most of them; the other variant's field is ignored.
        _ = harness.call("request_planning", ["originalRequest": "r", "tasks": [["title": "t", "description": "d"]]])
        let next = harness.call("get_next_task", ["instanceId": "me", "instance_id": "me", "requestId": "req-1"])
        #expect(next["isError"] == nil, "\(next)")
        #expect(next["structuredContent"]?["status"] == "claimed")
        let loose = harness.call("get_next_task", ["instance_id": "machine-1"])
        #expect(loose["structuredContent"]?["status"] == "none", "only instance_id goes to orchestrator-server's shape")
    }

    @Test func nullMeansAbsentForEveryOptionalField() throws {
        var harness = ServerHarness()
        harness.initialize()
        let planned = harness.call(
            "request_planning",
            [
                "originalRequest": "r", "splitDetails": nil, "approvalPolicy": nil,
                "tasks": [["title": "t", "description": "d", "dependsOn": nil, "priority": nil, "role": nil]],
            ])
        #expect(planned["isError"] == nil, "\(planned)")
        #expect(
            harness.call("get_next_task", ["requestId": nil, "instanceId": nil])["structuredContent"]?["status"]
                == "claimed")
        let missing = harness.call(
            "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": nil])
        #expect(
            missing["structuredContent"]?["error"]?["field"] == "completedDetails", "a required null is still missing")
        let wrong = harness.call(
            "request_planning",
            [
                "originalRequest": "r", "tasks": [["title": "t", "description": "d", "dependsOn": [true]]],
            ])
        #expect(wrong["structuredContent"]?["error"]?["field"] == "tasks[0].dependsOn[0]", "\(wrong)")
    }

    @Test func aContextUpdatesNullStillRemovesTheKey() throws {
        var harness = ServerHarness(workflowDirectories: [WorkflowFixtures.shipped])
        harness.initialize()
        let run = try #require(
            harness.call("start_workflow", ["workflow_name": "commit_message", "context": ["keep": 1, "drop": 2]])[
                "structuredContent"]?["instance_id"]?.stringValue)
        let resumed = harness.call(
            "resume_workflow",
            [
                "instance_id": .string(run), "assumed_current_step_name": "Check Staged Files", "next_step": nil,
                "context_updates": ["drop": nil],
            ])
        #expect(resumed["structuredContent"]?["current_context"] == ["keep": 1], "\(resumed)")
    }
}

/// The seeds' own shapes that differed (issue 15).
@Suite struct SeedShapeTests {
    @Test func getTaskStatusWithoutParametersListsEveryTask() {
        var harness = ServerHarness(toolsets: [.server, .orchestratorServer])
        harness.initialize()
        _ = harness.call("create_task", ["id": "build", "description": "d"])
        _ = harness.call("create_task", ["id": "test", "description": "d", "dependencies": ["build"]])
        _ = harness.call("get_next_task", ["instance_id": "m1"])
        let all = harness.call("get_task_status", [:])
        #expect(
            all["structuredContent"]?["tasks"] == [
                ["task_id": "build", "status": "in_progress", "assignedTo": "m1"],
                ["task_id": "test", "status": "pending"],
            ], "\(all)")
        #expect(
            harness.call("get_task_status", ["task_id": "test"])["structuredContent"] == [
                "task_id": "test", "status": "pending",
            ])
    }

    @Test func distributeTaskTakesTheSeedsTaskDefinitionObject() throws {
        var harness = ServerHarness(toolsets: [.server, .workflowOrchestration])
        harness.initialize()
        let distributed = harness.call(
            "distribute_task",
            [
                "task_definition": ["name": "lint", "description": "Run the linter.", "type": "check"],
                "target_machines": ["a", "b"],
            ])
        #expect(distributed["isError"] == nil, "\(distributed)")
        let group = try #require(distributed["structuredContent"]?["task_group_id"])
        let aggregate = harness.call("aggregate_task_results", ["task_group_id": group])
        #expect(aggregate["isError"] == nil, "\(aggregate)")
        let tasks = harness.call("get_task_status", [:])["structuredContent"]?["tasks"]?.arrayValue ?? []
        #expect(tasks.count == 2)
        let text = try #require(
            harness.call("aggregate_task_results", ["task_group_id": group])["content"]?[0]?["text"]?.stringValue)
        #expect(text.contains("lint on a") && text.contains("lint on b"), "\(text)")
    }
}
