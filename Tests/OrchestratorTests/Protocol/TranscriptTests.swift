import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorStorage
import OrchestratorSystem
import OrchestratorTools
import Testing

/// A whole session through `ServerLoop`, the loop `main` runs, compared line by line.
struct TranscriptTests {
    @Test func aLegacySessionThroughTheMainLoop() {
        let input = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"transcript","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            {"jsonrpc":"2.0","id":"a","method":"ping"}
            {"jsonrpc":"2.0","id":1,"method":"resources/templates/list","params":null}
            broken
            {"jsonrpc":"2.0","id":2,"method":"prompts/list"}

            """
        let expected = [
            #"{"id":0,"jsonrpc":"2.0","result":{"capabilities":{"logging":{},"prompts":{},"resources":{},"tools":{}},"instructions":"\#(ServerIdentity.orchestrator.instructions)","protocolVersion":"2024-11-05","serverInfo":{"name":"mcp-orchestrator","version":"0.1.0"}}}"#,
            #"{"id":"a","jsonrpc":"2.0","result":{}}"#,
            #"{"id":1,"jsonrpc":"2.0","result":{"resourceTemplates":[{"description":"The definition (description, input and output schema, annotations) of one enabled tool.","mimeType":"application/json","name":"tool-definition","uriTemplate":"orchestrator://tools/{name}"},{"description":"A Markdown workflow's steps, guidance, instructions and transition rules.","mimeType":"text/markdown","name":"workflow-definition","uriTemplate":"orchestrator://workflows/{name}"}]}}"#,
            #"{"error":{"code":-32700,"message":"Parse error: unexpected character 'b' at byte 0"},"id":null,"jsonrpc":"2.0"}"#,
            #"{"id":2,"jsonrpc":"2.0","result":{"prompts":[{"arguments":[{"description":"A tool to explain in detail (optional).","name":"tool","required":false}],"description":"Explains how to work with this server; name a tool to get its details too.","name":"getting_started"}]}}"#,
        ]
        let sink = CollectingSink()
        var server = MCPServer.composed(
            settings: OrchestratorSettings(stateLocation: StateLocation(path: "/t/state.json", source: .option)),
            sink: sink)
        var reader = LineReader(source: BytesSource(input, chunkSize: 17), maximumLineBytes: 4096)
        let reason = ServerLoop.run(&server, reader: &reader)
        #expect(reason == .endOfInput)
        #expect(sink.messages.map(\.description) == expected)
    }

    @Test func theLoopStopsWhenOutputBreaks() {
        let sink = CollectingSink()
        var server = MCPServer.composed(
            settings: OrchestratorSettings(stateLocation: StateLocation(path: "/t/s.json", source: .option)), sink: sink
        )
        var reader = LineReader(
            source: BytesSource(
                #"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n" + #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#
                    + "\n"))
        #expect(ServerLoop.run(&server, reader: &reader, outputIsBroken: { true }) == .outputClosed)
        #expect(sink.messages.count == 1)
    }
}
