import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

struct HandshakeTests {
    @Test(arguments: [
        ("2024-11-05", "2024-11-05"), ("2025-03-26", "2025-03-26"), ("2025-06-18", "2025-06-18"),
        ("2025-11-25", "2025-11-25"), ("2026-07-28", "2025-11-25"), ("1999-01-01", "2025-11-25"),
    ])
    func initializeEchoesASupportedRevisionAndOffersTheLatestOtherwise(requested: String, answered: String) {
        var harness = ServerHarness()
        let reply = harness.request(
            "initialize", id: 0,
            params: [
                "protocolVersion": .string(requested), "capabilities": [:],
                "clientInfo": ["name": "c", "version": "1"],
            ])
        #expect(reply["id"] == .int(0))
        #expect(reply["result"]?["protocolVersion"] == .string(answered))
    }

    @Test func initializeResultHasExactlyTheFieldsOfTheRevision() {
        var harness = ServerHarness()
        let reply = harness.request(
            "initialize", id: 0,
            params: [
                "protocolVersion": "2024-11-05", "capabilities": [:], "clientInfo": ["name": "c", "version": "1"],
            ])
        let result = reply["result"]!
        #expect(result["serverInfo"] == ["name": "mcp-orchestrator", "version": "0.1.0"])
        #expect(result["capabilities"] == ["tools": [:], "resources": [:], "prompts": [:], "logging": [:]])
        #expect(result["instructions"]?.stringValue?.contains("server_info") == true)

        var newest = ServerHarness()
        let latest = newest.request(
            "initialize", id: 0,
            params: [
                "protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "c", "version": "1"],
            ])["result"]!
        #expect(latest["serverInfo"]?["title"] == "MCP Orchestrator")
        #expect(latest["serverInfo"]?["description"] != nil)
        #expect(latest["capabilities"]?["completions"] == [:])
    }

    static let incompleteInitializeParams: [(JSONValue, String)] = [
        (
            ["capabilities": [:], "clientInfo": ["name": "c", "version": "1"]],
            "Invalid params: initialize needs params.protocolVersion (string)"
        ),
        (
            ["protocolVersion": "2025-11-25", "clientInfo": ["name": "c", "version": "1"]],
            "Invalid params: initialize needs params.capabilities (object)"
        ),
        (
            ["protocolVersion": "2025-11-25", "capabilities": [:]],
            "Invalid params: initialize needs params.clientInfo (object with a name)"
        ),
    ]

    @Test(arguments: incompleteInitializeParams)
    func initializeWithMissingFieldsIsInvalidParams(params: JSONValue, message: String) {
        var harness = ServerHarness()
        let reply = harness.request("initialize", params: params)
        #expect(reply["error"] == ["code": -32602, "message": .string(message)])
    }

    @Test func beforeInitializeOnlyPingIsServedAndUnknownMethodsAreNotFound() {
        var harness = ServerHarness()
        #expect(
            harness.send(#"{"jsonrpc":"2.0","id":"p","method":"ping"}"#) == [#"{"id":"p","jsonrpc":"2.0","result":{}}"#]
        )
        #expect(harness.request("tools/call", params: ["name": "server_info"])["error"]?["code"] == -32602)
        #expect(
            harness.request("bogus/method")["error"] == [
                "code": -32601, "message": "Method not found", "data": "bogus/method",
            ])
        harness.initialize()
        #expect(harness.request("tools/list")["result"]?["tools"] != nil)
    }

    @Test func idsAreEchoedExactly() {
        var harness = ServerHarness()
        harness.initialize()
        for id in [#"0"#, #"-5"#, #""abc""#, #""""#, #"9007199254740993"#] {
            #expect(
                harness.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#) == [
                    #"{"id":\#(id),"jsonrpc":"2.0","result":{}}"#
                ])
        }
    }

    @Test func discoverOnAHandshakeConnectionIsMethodNotFound() {
        var harness = ServerHarness()
        harness.initialize()
        #expect(
            harness.request("server/discover")["error"] == [
                "code": -32601, "message": "Method not found", "data": "server/discover",
            ])
    }

    @Test func anEnvelopedRequestOnAHandshakeConnectionIsRefused() {
        var harness = ServerHarness()
        harness.initialize()
        let reply = harness.modern("tools/list").last!
        #expect(reply["error"]?["code"] == -32600)
    }

    @Test func batchesWorkIn2025_03_26AndAnswerAsOneArray() {
        var harness = ServerHarness()
        harness.initialize("2025-03-26")
        let replies = harness.send(
            #"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":2,"method":"nope"},{"jsonrpc":"2.0","id":3,"method":"initialize","params":{}}]"#
        )
        #expect(
            replies == [
                #"[{"id":1,"jsonrpc":"2.0","result":{}},{"error":{"code":-32601,"data":"nope","message":"Method not found"},"id":2,"jsonrpc":"2.0"},{"error":{"code":-32600,"message":"Invalid Request: initialize must not be part of a batch"},"id":3,"jsonrpc":"2.0"}]"#
            ])
        #expect(
            harness.send("[]") == [
                #"{"error":{"code":-32600,"message":"Invalid Request: empty batch"},"id":null,"jsonrpc":"2.0"}"#
            ])
        #expect(harness.send(#"[{"jsonrpc":"2.0","method":"notifications/initialized"}]"#).isEmpty)
    }

    @Test func batchesAreRefusedInOtherRevisions() {
        var harness = ServerHarness()
        harness.initialize("2025-06-18")
        #expect(harness.send(#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#).first?.contains("-32600") == true)
    }

    @Test func setLevelFiltersLogNotificationsAndRefusesUnknownLevels() {
        var harness = ServerHarness()
        harness.initialize()
        #expect(harness.request("logging/setLevel", params: ["level": "loud"])["error"]?["code"] == -32602)
        #expect(
            harness.request("logging/setLevel", params: ["level": "debug"]) == [
                "jsonrpc": "2.0", "id": 1, "result": [:],
            ])
        let replies = harness.send(#"{"jsonrpc":"2.0","id":5,"method":"tools/list"}"#)
        #expect(replies.count == 2)
        #expect(
            replies.first
                == #"{"jsonrpc":"2.0","method":"notifications/message","params":{"data":"tools/list from harness","level":"debug","logger":"mcp-orchestrator"}}"#
        )
        _ = harness.request("logging/setLevel", params: ["level": "error"])
        #expect(harness.send(#"{"jsonrpc":"2.0","id":6,"method":"tools/list"}"#).count == 1)
    }

    @Test func aSecondInitializeRenegotiates() {
        var harness = ServerHarness()
        harness.initialize("2025-06-18")
        let reply = harness.request(
            "initialize", id: 9,
            params: [
                "protocolVersion": "2024-11-05", "capabilities": [:], "clientInfo": ["name": "c", "version": "1"],
            ])
        #expect(reply["result"]?["protocolVersion"] == "2024-11-05")
        let info = harness.request("tools/call", params: ["name": "server_info"])
        #expect(info["result"]?["structuredContent"] == nil)
    }
}
