package import OrchestratorJSON

/// What a tool is, as `tools/list` shows it: its names, its schemas, its annotations, the app that
/// shows its results, and the roles refusals name it by. Both a protocol tool (`MCPTool`) and a
/// front end's own kind of tool declare it, so the list of a definition's parts is written once.
///
/// The `inputSchema` is both what `tools/list` publishes and what `tools/call` enforces before the
/// tool runs, so a handler only ever sees arguments that match it. `outputSchema` describes the
/// `structuredContent` of every successful result in full; a test checks each tool against it, and
/// `tools/list` publishes its summary (`SchemaSummary`).
package protocol ToolDefinition: Sendable {
    var name: String { get }
    var title: String { get }
    var description: String { get }
    var inputSchema: JSONValue { get }
    var outputSchema: JSONValue { get }
    var annotations: ToolAnnotations { get }

    /// The app that shows this tool's results, and who may call it, for hosts that draw MCP Apps.
    var ui: ToolUI? { get }

    /// What the tool does, as refusals' remedies name it (`ToolRole`).
    var roles: [ToolRole] { get }
}

extension ToolDefinition {
    package var roles: [ToolRole] { [] }

    package var ui: ToolUI? { nil }
}

/// One tool as the protocol serves it: its definition and its handler.
package protocol MCPTool: ToolDefinition {
    /// The group the tool belongs to (its tool set), named where several groups' tools share one
    /// name (`SharedNameTool`).
    var family: String { get }

    func call(_ call: ToolCall) throws(ToolFailure) -> ToolOutcome

    /// The arguments as the published `inputSchema` shapes them, from a shape the tool also accepts
    /// (a client's older wrapping, say); what is returned is what the schema checks.
    func normalized(_ arguments: [String: JSONValue]) -> [String: JSONValue]
}

extension MCPTool {
    package func normalized(_ arguments: [String: JSONValue]) -> [String: JSONValue] { arguments }

    /// The `Tool` object of `tools/list`, with only the fields the revision defines, and `_meta.ui`
    /// only for a client that draws apps.
    package func definition(for revision: ProtocolRevision, drawsApps: Bool = false) -> JSONValue {
        var tool: [String: JSONValue] = [
            "name": .string(name),
            "description": .string(description),
            "inputSchema": inputSchema,
        ]
        if revision.hasToolAnnotations {
            tool["annotations"] = annotations.json(title: revision.hasTitles ? nil : title)
        }
        if revision.hasStructuredOutput {
            tool["title"] = .string(title)
            tool["outputSchema"] = SchemaSummary.summarize(outputSchema)
        }
        if drawsApps, let ui { tool["_meta"] = ["ui": ui.json] }
        return .object(tool)
    }
}
