/// The only list of resources and resource templates.
package struct ResourceCatalog: Sendable {
    package let resources: [any MCPResource]
    package let templates: [any MCPResourceTemplate]

    package init(tools: ToolCatalog) {
        resources = [GuideResource(), ServerInfoResource()]
        templates = [ToolDefinitionTemplate(catalog: tools)]
    }

    package func resource(at uri: String) -> (any MCPResource)? {
        resources.first { $0.uri == uri }
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
