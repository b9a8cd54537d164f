import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorStorage
import OrchestratorSystem
import OrchestratorTools
import Testing

/// Drives an in-process server line by line and returns what it wrote, as exact JSON lines.
struct ServerHarness {
    let sink = CollectingSink()
    var server: MCPServer
    /// The state file of this harness: in a fresh temporary folder unless a test names one.
    let statePath: String
    let clock: TestClock

    init(
        pageSize: Int = 100, toolsets: [Toolset] = [.server] + Toolset.defaultSelection,
        tools: [any OrchestratorTool] = ShippedTools.all,
        statePath: String? = nil, approver: ApproverMode = .agent, clock: TestClock = TestClock(),
        leaseSeconds: Int = 1800,
        workflowDirectories: [String] = [], roleDirectories: [String]? = nil
    ) {
        self.statePath = statePath ?? TemporaryDirectory.make() + "/state.json"
        self.clock = clock
        let settings = OrchestratorSettings(
            stateLocation: StateLocation(path: self.statePath, source: .option),
            toolsets: toolsets,
            approver: approver,
            workflowDirectories: workflowDirectories,
            roleDirectories: roleDirectories,
            leaseSeconds: leaseSeconds,
            clock: clock.wallClock)
        server = MCPServer.composed(settings: settings, sink: sink, tools: tools, pageSize: pageSize)
    }

    /// Sends one line; returns every line the server wrote in reply (notifications included).
    @discardableResult
    mutating func send(_ line: String) -> [String] {
        server.receive(Array(line.utf8))
        return sink.drain().map(\.description)
    }

    /// Sends a value; returns the decoded replies.
    @discardableResult
    mutating func send(_ message: JSONValue) -> [JSONValue] {
        server.receive(JSONWriter.bytes(from: message))
        return sink.drain()
    }

    /// A request and its single reply's `result` or `error`.
    mutating func request(_ method: String, id: Int = 1, params: JSONValue? = nil) -> JSONValue {
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method)]
        if let params { message["params"] = params }
        let replies = send(.object(message))
        return replies.last ?? .null
    }

    /// Performs `initialize` + `notifications/initialized` at `revision`.
    mutating func initialize(_ revision: String = "2025-11-25", capabilities: JSONValue = [:]) {
        _ = request(
            "initialize", id: 0,
            params: [
                "protocolVersion": .string(revision), "capabilities": capabilities,
                "clientInfo": ["name": "harness", "version": "1.0"],
            ])
        _ = send(["jsonrpc": "2.0", "method": "notifications/initialized"] as JSONValue)
    }

    /// The capabilities of a client that draws MCP Apps.
    static let drawsApps: JSONValue = [
        "extensions": ["io.modelcontextprotocol/ui": ["mimeTypes": ["text/html;profile=mcp-app"]]]
    ]

    /// The 2026 envelope, optionally with extra `_meta` keys.
    static func envelope(_ extra: [String: JSONValue] = [:], capabilities: JSONValue = [:]) -> JSONValue {
        var meta: [String: JSONValue] = [
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": capabilities,
            "io.modelcontextprotocol/clientInfo": ["name": "harness", "version": "1.0"],
        ]
        for (key, value) in extra { meta[key] = value }
        return .object(meta)
    }

    /// A 2026 request: `params` gets the envelope as `_meta`.
    mutating func modern(
        _ method: String, id: Int = 1, params: [String: JSONValue] = [:], meta: [String: JSONValue] = [:],
        capabilities: JSONValue = [:]
    ) -> [JSONValue] {
        var params = params
        params["_meta"] = Self.envelope(meta, capabilities: capabilities)
        return send(
            ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": .object(params)] as JSONValue)
    }

    /// Calls a tool and returns its result. Every successful result is checked against the tool's
    /// output schema, so each test that calls a tool also guards its published shape.
    mutating func call(
        _ name: String, _ arguments: [String: JSONValue] = [:], id: Int = 1,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> JSONValue {
        let result =
            request("tools/call", id: id, params: ["name": .string(name), "arguments": .object(arguments)])["result"]
            ?? .null
        if result["isError"] == nil, let tool = server.tools.tool(named: name) {
            let violation = result["structuredContent"].flatMap {
                SchemaValidator.firstViolation(of: $0, against: tool.outputSchema)
            }
            #expect(
                violation == nil, "\(name): \(violation.map(String.init(describing:)) ?? "")",
                sourceLocation: sourceLocation)
            #expect(
                result["structuredContent"] != nil, "\(name) returned no structured content",
                sourceLocation: sourceLocation)
        }
        return result
    }

    /// The refusal code of an `isError` result, or `nil` when the call succeeded.
    static func errorCode(_ result: JSONValue) -> String? {
        guard result["isError"] == true else { return nil }
        return result["structuredContent"]?["error"]?["code"]?.stringValue
    }
}

extension MCPServer {
    /// A server composed as `main` composes one: the orchestrator over a store of the settings' file,
    /// its workflow library, and the tools of the enabled sets bound to them.
    static func composed(
        settings: OrchestratorSettings, sink: any MessageSink, tools: [any OrchestratorTool] = ShippedTools.all,
        pageSize: Int = 100
    ) -> MCPServer {
        let store = TestStore.persistence(at: settings.stateLocation, lockWaitSeconds: settings.lockWaitSeconds)
        let services = ToolServices(
            orchestrator: settings.orchestrator(over: store), workflows: settings.workflowLibrary(), settings: settings)
        return MCPServer(
            configuration: settings.serverConfiguration(pageSize: pageSize),
            content: ShippedTools.content(for: services, tools: tools), sink: sink)
    }
}
