import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

struct ModernEraTests {
    private static let serverInfoMeta: JSONValue = [
        "io.modelcontextprotocol/serverInfo": [
            "name": "mcp-orchestrator", "version": "0.1.0", "title": "MCP Orchestrator",
            "description":
                "Plans requests into dependency-ordered tasks with server-enforced approval gates, and runs Markdown workflows.",
        ]
    ]

    @Test func discoverIsAnsweredAtOnceWithEverythingACacheableResultNeeds() throws {
        var harness = ServerHarness()
        let reply = try #require(harness.modern("server/discover", id: 1).first)
        let result = try #require(reply["result"])
        #expect(result["resultType"] == "complete")
        #expect(result["supportedVersions"] == ["2026-07-28"])
        #expect(
            result["capabilities"] == [
                "tools": [:], "resources": [:], "prompts": [:], "logging": [:], "completions": [:],
            ])
        #expect(result["ttlMs"] == 60_000)
        #expect(result["cacheScope"] == "private")
        #expect(result["_meta"] == Self.serverInfoMeta)
        #expect(result["instructions"] != nil)
        #expect(result["serverInfo"] == nil)
    }

    @Test func everyResultCarriesResultTypeAndServerInfo() throws {
        var harness = ServerHarness()
        for method in ["tools/list", "resources/list", "resources/templates/list", "prompts/list"] {
            let result = try #require(harness.modern(method).first?["result"])
            #expect(result["resultType"] == "complete")
            #expect(result["_meta"] == Self.serverInfoMeta)
            #expect(result["ttlMs"] != nil, "\(method) is cacheable")
        }
        let call = try #require(harness.modern("tools/call", params: ["name": "server_info"]).first?["result"])
        #expect(call["resultType"] == "complete")
        #expect(call["ttlMs"] == nil)
        #expect(call["structuredContent"]?["era"] == "modern")
        #expect(call["structuredContent"]?["protocolRevision"] == "2026-07-28")
    }

    @Test func envelopeProblemsAreInvalidParamsInTheReferenceOrder() {
        var harness = ServerHarness()
        _ = harness.modern("server/discover")
        let cases: [(JSONValue, String)] = [
            (
                ["name": "server_info"],
                "params._meta must be an object carrying the required 'io.modelcontextprotocol/protocolVersion' and 'io.modelcontextprotocol/clientCapabilities' envelope keys"
            ),
            (
                ["_meta": ["io.modelcontextprotocol/protocolVersion": "2026-07-28"]],
                "params._meta is missing the required envelope key(s): io.modelcontextprotocol/clientCapabilities"
            ),
            (
                [
                    "_meta": [
                        "io.modelcontextprotocol/protocolVersion": 7, "io.modelcontextprotocol/clientCapabilities": [:],
                    ]
                ], "params._meta['io.modelcontextprotocol/protocolVersion'] must be a string"
            ),
            (
                [
                    "_meta": [
                        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
                        "io.modelcontextprotocol/clientCapabilities": [:], "io.modelcontextprotocol/logLevel": "loud",
                    ]
                ],
                "params._meta['io.modelcontextprotocol/logLevel'] must be one of debug, info, notice, warning, error, critical, alert, emergency"
            ),
        ]
        for (params, message) in cases {
            #expect(
                harness.request("tools/list", params: params)["error"] == ["code": -32602, "message": .string(message)])
        }
    }

    @Test func anUnsupportedVersionIs32022NamingWhatWeSpeak() {
        var harness = ServerHarness()
        let reply = harness.send(
            #"{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2030-01-01","io.modelcontextprotocol/clientCapabilities":{}}}}"#
        )
        #expect(
            reply == [
                #"{"error":{"code":-32022,"data":{"requested":"2030-01-01","supported":["2026-07-28"]},"message":"Unsupported protocol version"},"id":1,"jsonrpc":"2.0"}"#
            ])
    }

    @Test(arguments: ["ping", "logging/setLevel", "resources/subscribe", "no/such"])
    func removedAndUnknownMethodsAreNotFound(method: String) {
        var harness = ServerHarness()
        let reply = harness.modern(method).first!
        #expect(reply["error"] == ["code": -32601, "message": "Method not found", "data": .string(method)])
    }

    @Test func initializeOnAModernConnectionIs32022() {
        var harness = ServerHarness()
        _ = harness.modern("server/discover")
        let reply = harness.request(
            "initialize",
            params: [
                "protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "c", "version": "1"],
            ])
        #expect(
            reply["error"] == [
                "code": -32022,
                "message": "connection is serving the 2026-07-28 protocol; the initialize handshake is not accepted",
                "data": ["supported": ["2026-07-28"], "requested": "2025-11-25"],
            ])
    }

    @Test func logsAreSentOnlyWhenTheRequestOptsIn() {
        var harness = ServerHarness()
        #expect(harness.modern("tools/list").count == 1)
        let replies = harness.modern("tools/list", meta: ["io.modelcontextprotocol/logLevel": "debug"])
        #expect(replies.count == 2)
        #expect(replies.first?["method"] == "notifications/message")
        #expect(harness.modern("tools/list", meta: ["io.modelcontextprotocol/logLevel": "info"]).count == 1)
    }

    @Test func theFirstRequestFixesTheEra() {
        var harness = ServerHarness()
        _ = harness.send(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)
        #expect(harness.modern("server/discover", id: 2).first?["error"]?["code"] == -32600)
    }
}
