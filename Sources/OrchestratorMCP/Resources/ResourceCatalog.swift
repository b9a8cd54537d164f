package import OrchestratorWorkflows

/// The only list of resources and resource templates: the fixed ones, then one per loaded workflow.
package struct ResourceCatalog: Sendable {
    private let fixed: [any MCPResource]
    package let templates: [any MCPResourceTemplate]
    private let workflows: WorkflowLibrary
    /// MCP Apps (`ui://`): listed and readable only for clients that draw apps.
    private let apps: [any MCPResource]

    package init(tools: ToolCatalog, workflows: WorkflowLibrary, apps: [any MCPResource] = []) {
        fixed = [GuideResource(), ServerInfoResource()]
        templates = [ToolDefinitionTemplate(catalog: tools), WorkflowDefinitionTemplate(library: workflows)]
        self.workflows = workflows
        self.apps = apps
    }

    /// Every concrete resource now; workflow definitions follow the files on disk.
    package var resources: [any MCPResource] {
        fixed + workflows.workflows().map { WorkflowDefinitionResource(workflow: $0) }
    }

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
