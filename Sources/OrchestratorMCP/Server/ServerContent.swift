/// What a server offers, handed in by the composition that binds it to its domain: the enabled
/// tools, the resources and prompts (those that follow files on disk are read again on each list),
/// and the MCP Apps.
package struct ServerContent: Sendable {
    /// The enabled tools, in the order `tools/list` shows them; several may share a name
    /// (`SharedNameTool`).
    package var tools: [any MCPTool]
    /// Every concrete resource now.
    package var resources: @Sendable () -> [any MCPResource]
    /// Parameterised resources beside the tool definitions' template, which the server adds itself.
    package var templates: [any MCPResourceTemplate]
    /// Every prompt now.
    package var prompts: @Sendable () -> [any MCPPrompt]
    /// MCP Apps (`ui://`): listed and readable only for clients that draw apps.
    package var apps: [any MCPResource]

    package init(
        tools: [any MCPTool], resources: @escaping @Sendable () -> [any MCPResource] = { [] },
        templates: [any MCPResourceTemplate] = [], prompts: @escaping @Sendable () -> [any MCPPrompt] = { [] },
        apps: [any MCPResource] = []
    ) {
        self.tools = tools
        self.resources = resources
        self.templates = templates
        self.prompts = prompts
        self.apps = apps
    }
}
