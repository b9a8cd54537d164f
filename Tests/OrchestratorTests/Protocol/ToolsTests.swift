import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

struct ToolsTests {
    @Test func toolsListPaginatesWithOpaqueCursorsAndRefusesForeignOnes() throws {
        var harness = ServerHarness(pageSize: 1, tools: [ServerInfoTool(), AskingTool()])
        harness.initialize()
        let first = harness.request("tools/list")["result"]!
        #expect(first["tools"]?.arrayValue?.map { $0["name"] } == ["server_info"])
        let cursor = try #require(first["nextCursor"])
        let second = harness.request("tools/list", params: ["cursor": cursor])["result"]!
        #expect(second["tools"]?.arrayValue?.map { $0["name"] } == ["ask_person"])
        #expect(second["nextCursor"] == nil)
        #expect(harness.request("tools/list", params: ["cursor": "tools:99"])["error"]?["code"] == -32602)
        #expect(harness.request("tools/list", params: ["cursor": 3])["error"]?["code"] == -32602)
    }

    @Test(arguments: ProtocolRevision.handshake)
    func toolDefinitionsCarryOnlyTheFieldsOfTheRevision(revision: ProtocolRevision) throws {
        var harness = ServerHarness()
        harness.initialize(revision.rawValue)
        let tool = try #require(harness.request("tools/list")["result"]?["tools"]?.arrayValue?.first)
        #expect(tool["name"] == "server_info")
        #expect(tool["inputSchema"]?["type"] == "object")
        #expect((tool["annotations"] != nil) == (revision >= .v2025_03_26))
        #expect((tool["outputSchema"] != nil) == (revision >= .v2025_06_18))
        #expect((tool["title"] != nil) == (revision >= .v2025_06_18))
        // The title lives in annotations only where Tool has no title field of its own.
        #expect((tool["annotations"]?["title"] != nil) == (revision == .v2025_03_26))
    }

    /// Tool definitions cost every client context: the default set stays under 20 KB (issue 5), and
    /// output schemas are published as their top-level summary while results keep the full shape.
    @Test func theDefaultToolListStaysWithinItsBudgetAndPublishesSummarisedOutputSchemas() throws {
        var harness = ServerHarness()
        harness.initialize()
        let result = try #require(harness.request("tools/list")["result"])
        #expect(JSONWriter.bytes(from: result).count < 20_000)
        for tool in result["tools"]?.arrayValue ?? [] {
            let full = try #require(ShippedTools.all.first { $0.name == tool["name"]?.stringValue }).outputSchema
            let published = try #require(tool["outputSchema"])
            #expect(published["required"] == full["required"])
            #expect(
                published["properties"]?.objectValue?.keys.sorted() == full["properties"]?.objectValue?.keys.sorted())
            for (name, field) in published["properties"]?.objectValue ?? [:] {
                #expect(field["type"] == full["properties"]?[name]?["type"], "\(tool["name"] ?? "")/\(name)")
                #expect(field["properties"] == nil && field["items"] == nil)
            }
        }
    }

    @Test func everyToolWithoutRequiredArgumentsAnswersAnEmptyStoreWithItsOutputSchema() throws {
        for tool in ShippedTools.all where tool.inputSchema["required"] == nil {
            var harness = ServerHarness(toolsets: Toolset.allCases)
            // App-only tools exist only for a client that draws MCP Apps.
            harness.initialize(capabilities: tool.ui?.isAppOnly == true ? ServerHarness.drawsApps : [:])
            let result = try #require(
                harness.request("tools/call", params: ["name": .string(tool.name), "arguments": [:]])["result"])
            #expect(result["isError"] == nil)
            let structured = try #require(result["structuredContent"])
            #expect(SchemaValidator.firstViolation(of: structured, against: tool.outputSchema) == nil, "\(tool.name)")
            #expect(result["content"]?[0]?["type"] == "text")
        }
    }

    @Test(.disabled(if: TestStore.isDatabase, "reports the state file; PostgresStoreTests report the database"))
    func serverInfoReportsTheStateFileAndRevision() throws {
        var harness = ServerHarness()
        harness.initialize("2025-06-18")
        let result = try #require(harness.request("tools/call", params: ["name": "server_info"])["result"])
        let report = try #require(result["structuredContent"])
        #expect(
            report["stateFile"] == [
                "path": .string(harness.statePath), "source": "option", "reason": "--state", "exists": false,
                "readable": false,
                "revision": 0, "requests": 0,
            ])
        #expect(report["protocolRevision"] == "2025-06-18")
        #expect(report["toolsets"] == ["server", "core", "workflows"])
        #expect(report["client"] == "harness")
        #expect(
            report["counts"] == [
                "tools": .int(
                    Set(
                        ShippedTools.all.filter {
                            $0.ui?.isAppOnly != true
                                && !Set([.server] + Toolset.defaultSelection).isDisjoint(with: $0.toolsets)
                        }.map(\.name)
                    ).count),
                "resources": 2,
                "resourceTemplates": 2, "prompts": 1,
            ])
        #expect(result["content"]?[0]?["text"]?.stringValue?.contains("not created yet") == true)
    }

    @Test func beforeStructuredOutputTheJSONFollowsTheText() throws {
        var harness = ServerHarness()
        harness.initialize("2025-03-26")
        let result = try #require(harness.request("tools/call", params: ["name": "server_info"])["result"])
        #expect(result["structuredContent"] == nil)
        let blocks = try #require(result["content"]?.arrayValue)
        #expect(blocks.count == 2)
        let json = try JSONParser.parse(blocks[1]["text"]!.stringValue!)
        #expect(json["name"] == "mcp-orchestrator")
    }

    @Test func anUnknownToolIsInvalidParamsNotAToolResult() {
        var harness = ServerHarness()
        harness.initialize()
        #expect(
            harness.request("tools/call", params: ["name": "nope"])["error"] == [
                "code": -32602, "message": "Unknown tool: nope; tools/list names the enabled tools",
                "data": ["tool": "nope"],
            ])
        #expect(harness.request("tools/call", params: [:])["error"]?["code"] == -32602)
        #expect(
            harness.request("tools/call", params: ["name": "server_info", "arguments": [1]])["error"]?["code"] == -32602
        )
    }

    @Test func aToolOutsideTheEnabledSetsIsUnknown() {
        var harness = ServerHarness(toolsets: [.core], tools: [ServerInfoTool()])
        harness.initialize()
        #expect(harness.request("tools/call", params: ["name": "server_info"])["error"]?["code"] == -32602)
        #expect(harness.request("tools/list")["result"]?["tools"] == [])
    }

    @Test func badArgumentsAreAnIsErrorResultNamingTheFieldFrom2025_11_25() throws {
        var harness = ServerHarness()
        harness.initialize("2025-11-25")
        let result = try #require(
            harness.request("tools/call", params: ["name": "server_info", "arguments": ["verbose": true]])["result"])
        #expect(result["isError"] == true)
        #expect(
            result["structuredContent"]?["error"] == [
                "code": "invalid_arguments", "field": "verbose", "expected": "absent",
                "message":
                    "Invalid arguments for server_info: `verbose` is not a known field (no arguments are accepted). Fix the argument and call server_info again.",
            ])
    }

    @Test func badArgumentsAreInvalidParamsBefore2025_11_25() {
        var harness = ServerHarness()
        harness.initialize("2025-06-18")
        let error = harness.request("tools/call", params: ["name": "server_info", "arguments": ["verbose": true]])[
            "error"]
        #expect(error?["code"] == -32602)
        #expect(error?["data"] == ["field": "verbose", "expected": "absent"])
    }

    @Test func missingAndMistypedArgumentsNameTheFieldAndType() throws {
        var harness = ServerHarness(tools: ShippedTools.all + [AskingTool()])
        harness.initialize()
        let missing = harness.request("tools/call", params: ["name": "ask_person", "arguments": [:]])
        #expect(
            missing["result"]?["structuredContent"]?["error"]?["message"]
                == "Invalid arguments for ask_person: `question` is required (string). Fix the argument and call ask_person again."
        )
        let mistyped = harness.request("tools/call", params: ["name": "ask_person", "arguments": ["question": 5]])
        #expect(
            mistyped["result"]?["structuredContent"]?["error"]?["message"]
                == "Invalid arguments for ask_person: `question` must be a string, not integer. Fix the argument and call ask_person again."
        )
    }

    @Test func aDomainRefusalIsAnIsErrorResultWithAStableCode() throws {
        var harness = ServerHarness(tools: ShippedTools.all + [AskingTool()])
        harness.initialize()
        let result = try #require(
            harness.request("tools/call", params: ["name": "ask_person", "arguments": ["question": ""]])["result"])
        #expect(result["isError"] == true)
        #expect(result["structuredContent"]?["error"]?["code"] == "empty_question")
        #expect(result["content"]?[0]?["text"] == "Error empty_question: Ask a question with at least one word in it.")
    }

    @Test func progressIsReportedOnlyWhenAskedForAndAlwaysIncreases() {
        var harness = ServerHarness()
        harness.initialize()
        let replies = harness.send(
            #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"server_info","_meta":{"progressToken":"tok"}}}"#
        )
        #expect(replies.count == 3)
        #expect(
            replies[0]
                == #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"message":"Running server_info","progress":0,"progressToken":"tok","total":1}}"#
        )
        #expect(
            replies[1]
                == #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"message":"server_info finished","progress":1,"progressToken":"tok","total":1}}"#
        )
        #expect(replies[2].hasPrefix(#"{"id":4,"#))
        #expect(
            harness.send(#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"server_info"}}"#).count == 1)
    }
}
