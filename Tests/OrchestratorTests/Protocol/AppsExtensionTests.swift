import OrchestratorJSON
import OrchestratorMCP
import Testing

/// MCP Apps is offered only to a client that declares the extension as it requires: with the HTML
/// profile among its `mimeTypes`.
struct AppsExtensionTests {
    static let declarations: [(JSONValue, Bool)] = [
        (ServerHarness.drawsApps, true),
        (
            ["extensions": ["io.modelcontextprotocol/ui": ["mimeTypes": ["text/html", "text/html;profile=mcp-app"]]]],
            true
        ),
        (["extensions": ["io.modelcontextprotocol/ui": [:]]], false),
        (["extensions": ["io.modelcontextprotocol/ui": ["mimeTypes": ["text/html"]]]], false),
        (["extensions": ["io.modelcontextprotocol/ui": ["mimeTypes": "text/html;profile=mcp-app"]]], false),
        (["extensions": ["io.example/other": ["mimeTypes": ["text/html;profile=mcp-app"]]]], false),
        (["experimental": ["io.modelcontextprotocol/ui": ["mimeTypes": ["text/html;profile=mcp-app"]]]], false),
    ]

    @Test(arguments: declarations)
    func theExtensionIsOfferedOnlyWhenDeclaredWithTheHTMLProfile(capabilities: JSONValue, offered: Bool) throws {
        var harness = ServerHarness()
        let start = harness.request(
            "initialize", id: 0,
            params: [
                "protocolVersion": "2025-06-18", "capabilities": capabilities,
                "clientInfo": ["name": "host", "version": "1"],
            ])
        _ = harness.send(["jsonrpc": "2.0", "method": "notifications/initialized"] as JSONValue)
        #expect((start["result"]?["capabilities"]?["extensions"] != nil) == offered)
        let tools = try #require(harness.request("tools/list")["result"]?["tools"]?.arrayValue)
        #expect(tools.contains { $0["name"] == "app_board_decide" } == offered)
        #expect(tools.contains { $0["_meta"] != nil } == offered)
        let read = harness.request("resources/read", params: ["uri": "ui://mcp-orchestrator/board"])
        #expect((read["result"] != nil) == offered)
    }

    @Test func aModernRequestNegotiatesPerRequest() throws {
        var harness = ServerHarness()
        let plain = harness.request("tools/list", params: ["_meta": ServerHarness.envelope()])
        #expect(plain["result"]?["tools"]?.arrayValue?.contains { $0["_meta"]?["ui"] != nil } == false)
        let apps = harness.request(
            "tools/list", id: 2, params: ["_meta": ServerHarness.envelope(capabilities: ServerHarness.drawsApps)])
        let listed = try #require(apps["result"]?["tools"]?.arrayValue)
        #expect(
            listed.first { $0["name"] == "app_board_view" }?["_meta"]?["ui"]?["visibility"] == ["app"])
        let discovered = harness.request(
            "server/discover", id: 3, params: ["_meta": ServerHarness.envelope(capabilities: ServerHarness.drawsApps)])
        #expect(
            discovered["result"]?["capabilities"]?["extensions"]?["io.modelcontextprotocol/ui"]
                == ["mimeTypes": ["text/html;profile=mcp-app"]])
    }
}
