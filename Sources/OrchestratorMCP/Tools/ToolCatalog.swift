internal import OrchestratorCore

/// The only list of tools: `tools/list` serialises it and `tools/call` looks names up in it.
package struct ToolCatalog: Sendable {
    /// The enabled tools, in catalog order.
    package let tools: [any MCPTool]
    private let byName: [String: any MCPTool]

    /// Tools of the enabled sets; where several share a name, one `SharedNameTool` takes the place
    /// of the first, accepting every shape.
    package init(enabling toolsets: [Toolset], from available: [any MCPTool]) {
        let enabled = Set(toolsets)
        let chosen = available.filter { !enabled.isDisjoint(with: $0.toolsets) }
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
}
