/// The only list of tools: `tools/list` serialises it and `tools/call` looks names up in it.
package struct ToolCatalog: Sendable {
    /// The enabled tools, in catalog order: what every client is shown.
    package let tools: [any MCPTool]
    /// The enabled tools only an MCP App may call: listed and callable only for clients that draw
    /// apps, whose hosts keep them from the model.
    package let appTools: [any MCPTool]
    private let byName: [String: any MCPTool]

    /// The enabled tools; where several share a name, one `SharedNameTool` takes the place of the
    /// first, accepting every shape.
    package init(_ enabled: [any MCPTool]) {
        appTools = enabled.filter { $0.ui?.isAppOnly == true }
        let chosen = enabled.filter { $0.ui?.isAppOnly != true }
        var groups: [String: [any MCPTool]] = [:]
        for tool in chosen { groups[tool.name, default: []].append(tool) }
        var seen = Set<String>()
        tools = chosen.compactMap { tool -> (any MCPTool)? in
            guard seen.insert(tool.name).inserted, let group = groups[tool.name] else { return nil }
            return group.count == 1 ? tool : SharedNameTool(group)
        }
        byName = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package func tool(named name: String) -> (any MCPTool)? { byName[name] }

    /// What `tools/list` shows a client: the app-only tools too when it draws apps.
    package func listed(drawsApps: Bool) -> [any MCPTool] { drawsApps ? tools + appTools : tools }

    /// The tool a client may call by that name: an app-only one only when it draws apps.
    package func tool(named name: String, drawsApps: Bool) -> (any MCPTool)? {
        tool(named: name) ?? (drawsApps ? appTools.first { $0.name == name } : nil)
    }
}
