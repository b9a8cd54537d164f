internal import OrchestratorJSON

/// `orchestrator://tools/{name}`: the full definition of one enabled tool, as `tools/list` shows it.
package struct ToolDefinitionTemplate: MCPResourceTemplate {
    package let template = URITemplate("orchestrator://tools/{name}")
    package let name = "tool-definition"
    package let title = "Tool definition"
    package let description = "The definition (description, input and output schema, annotations) of one enabled tool."
    package let mimeType = "application/json"
    private let catalog: ToolCatalog

    package init(catalog: ToolCatalog) { self.catalog = catalog }

    package func read(_ variables: [String: String], environment: ServerEnvironment, context: RequestContext) -> String?
    {
        guard let toolName = variables["name"], let tool = catalog.tool(named: toolName) else { return nil }
        return tool.definition(for: context.revision, drawsApps: context.drawsApps).description
    }

    package func complete(_ variable: String, prefix: String, environment: ServerEnvironment) -> [String] {
        guard variable == "name" else { return [] }
        return environment.toolNames.filter { $0.hasPrefix(prefix) }
    }
}
