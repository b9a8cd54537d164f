/// The only list of resources and resource templates: what the server's content offers now, and
/// every enabled tool's definition.
package struct ResourceCatalog: Sendable {
    package let templates: [any MCPResourceTemplate]
    private let current: @Sendable () -> [any MCPResource]
    /// MCP Apps (`ui://`): listed and readable only for clients that draw apps.
    private let apps: [any MCPResource]

    package init(tools: ToolCatalog, content: ServerContent) {
        templates = [ToolDefinitionTemplate(catalog: tools)] + content.templates
        current = content.resources
        apps = content.apps
    }

    /// Every concrete resource now.
    package var resources: [any MCPResource] { current() }

    /// What a client sees: the apps too when it draws them.
    package func resources(drawsApps: Bool) -> [any MCPResource] {
        drawsApps ? resources + apps : resources
    }

    package func resource(at uri: String, drawsApps: Bool = false) -> (any MCPResource)? {
        resources(drawsApps: drawsApps).first { $0.uri == uri }
    }

    /// The template whose pattern matches `uri`, with the matched variables.
    package func template(matching uri: String) -> (template: any MCPResourceTemplate, variables: [String: String])? {
        for template in templates {
            if let variables = template.template.match(uri) { return (template, variables) }
        }
        return nil
    }

    /// The template named by a completion reference (its exact template text).
    package func template(withText text: String) -> (any MCPResourceTemplate)? {
        templates.first { $0.template.text == text }
    }
}
