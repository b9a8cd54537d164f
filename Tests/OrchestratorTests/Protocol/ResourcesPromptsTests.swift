import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

struct ResourcesPromptsTests {
    @Test(.disabled(if: TestStore.isDatabase, "names the state file"))
    func resourcesAreListedAndRead() throws {
        var harness = ServerHarness()
        harness.initialize()
        let listed = try #require(harness.request("resources/list")["result"]?["resources"]?.arrayValue)
        #expect(listed.map { $0["uri"] } == ["orchestrator://guide", "orchestrator://server/info"])
        #expect(listed.allSatisfy { $0["name"] != nil && $0["description"] != nil && $0["title"] != nil })
        let guide = try #require(
            harness.request("resources/read", params: ["uri": "orchestrator://guide"])["result"]?["contents"]?[0])
        #expect(guide["mimeType"] == "text/markdown")
        #expect(guide["text"]?.stringValue?.contains("- `server_info`") == true)
        let info = try #require(
            harness.request("resources/read", params: ["uri": "orchestrator://server/info"])["result"]?["contents"]?[
                0]?["text"]?.stringValue)
        #expect(try JSONParser.parse(info)["stateFile"]?["path"] == .string(harness.statePath))
    }

    @Test func templatesMatchOnlyWholeSegments() throws {
        var harness = ServerHarness()
        harness.initialize()
        #expect(
            harness.request("resources/templates/list")["result"]?["resourceTemplates"]?[0]?["uriTemplate"]
                == "orchestrator://tools/{name}")
        let definition = try #require(
            harness.request("resources/read", params: ["uri": "orchestrator://tools/server_info"])["result"]?[
                "contents"]?[0]?["text"]?.stringValue)
        #expect(try JSONParser.parse(definition)["name"] == "server_info")
        for uri in [
            "orchestrator://tools/", "orchestrator://tools/a/b", "orchestrator://tools/nope", "file:///etc/passwd",
        ] {
            #expect(
                harness.request("resources/read", params: ["uri": .string(uri)])["error"] == [
                    "code": -32002,
                    "message": .string(
                        "Resource not found: \(uri); resources/list and resources/templates/list name what exists"),
                    "data": ["uri": .string(uri)],
                ])
        }
    }

    @Test func aMissingResourceIsInvalidParamsIn2026() {
        var harness = ServerHarness()
        #expect(
            harness.modern("resources/read", params: ["uri": "orchestrator://nope"]).first?["error"]?["code"] == -32602)
    }

    @Test func promptsAreListedAndRenderedWithCheckedArguments() throws {
        var harness = ServerHarness()
        harness.initialize()
        #expect(
            harness.request("prompts/list")["result"]?["prompts"]?[0]?["arguments"] == [
                ["name": "tool", "description": "A tool to explain in detail (optional).", "required": false]
            ])
        let messages = try #require(
            harness.request("prompts/get", params: ["name": "getting_started", "arguments": ["tool": "server_info"]])[
                "result"]?["messages"])
        #expect(messages[0]?["role"] == "user")
        #expect(
            messages[0]?["content"]?["text"]?.stringValue?.contains("## `server_info` — Server information") == true)
        #expect(harness.request("prompts/get", params: ["name": "nope"])["error"]?["code"] == -32602)
        #expect(
            harness.request("prompts/get", params: ["name": "getting_started", "arguments": ["tool": 1]])["error"]?[
                "message"] == "Prompt argument 'tool' must be a string, not integer")
        #expect(
            harness.request("prompts/get", params: ["name": "getting_started", "arguments": ["colour": "red"]])[
                "error"]?["message"] == "Prompt getting_started has no argument 'colour'; it takes: tool")
        #expect(
            harness.request("prompts/get", params: ["name": "getting_started", "arguments": ["tool": "nope"]])[
                "error"]?["code"] == -32602)
    }

    @Test func completionSuggestsToolNamesForPromptsAndTemplates() {
        var harness = ServerHarness()
        harness.initialize()
        #expect(
            harness.request(
                "completion/complete",
                params: [
                    "ref": ["type": "ref/prompt", "name": "getting_started"],
                    "argument": ["name": "tool", "value": "ser"],
                ])["result"] == ["completion": ["values": ["server_info"], "total": 1, "hasMore": false]])
        #expect(
            harness.request(
                "completion/complete",
                params: [
                    "ref": ["type": "ref/resource", "uri": "orchestrator://tools/{name}"],
                    "argument": ["name": "name", "value": "zzz"],
                ])["result"] == ["completion": ["values": [], "total": 0, "hasMore": false]])
        #expect(
            harness.request(
                "completion/complete",
                params: [
                    "ref": ["type": "ref/other"], "argument": ["name": "x", "value": ""],
                ])["error"]?["code"] == -32602)
        #expect(
            harness.request(
                "completion/complete",
                params: [
                    "ref": ["type": "ref/prompt", "name": "nope"], "argument": ["name": "x", "value": ""],
                ])["error"]?["code"] == -32602)
    }
}
