package import OrchestratorJSON

/// One tool: its wire definition and its handler, kept together in one file per tool.
///
/// The `inputSchema` is both what `tools/list` publishes and what `tools/call` enforces before
/// `call` runs, so a handler only ever sees arguments that match it. `outputSchema` describes the
/// `structuredContent` of every successful result in full; a test checks each tool against it, and
/// `tools/list` publishes its summary (`SchemaSummary`).
package protocol MCPTool: Sendable {
    var name: String { get }
    var title: String { get }
    var description: String { get }
    /// The group the tool belongs to (its tool set), named where several groups' tools share one
    /// name (`SharedNameTool`).
    var family: String { get }
    var inputSchema: JSONValue { get }
    var outputSchema: JSONValue { get }
    var annotations: ToolAnnotations { get }

    func call(_ call: ToolCall) throws(ToolFailure) -> ToolOutcome

    /// The arguments as the published `inputSchema` shapes them, from a shape the tool also accepts
    /// (a client's older wrapping, say); what is returned is what the schema checks.
    func normalized(_ arguments: [String: JSONValue]) -> [String: JSONValue]

    /// The app that shows this tool's results, and who may call it, for hosts that draw MCP Apps.
    var ui: ToolUI? { get }

    /// What the tool does, as refusals' remedies name it (`ToolRole`).
    var roles: [ToolRole] { get }
}

extension MCPTool {
    package var roles: [ToolRole] { [] }

    package func normalized(_ arguments: [String: JSONValue]) -> [String: JSONValue] { arguments }

    package var ui: ToolUI? { nil }

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
