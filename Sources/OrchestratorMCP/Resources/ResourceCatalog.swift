package import OrchestratorWorkflows

/// The only list of resources and resource templates: the fixed ones, then one per loaded workflow.
package struct ResourceCatalog: Sendable {
    private let fixed: [any MCPResource]
    package let templates: [any MCPResourceTemplate]
    private let workflows: WorkflowLibrary

    package init(tools: ToolCatalog, workflows: WorkflowLibrary) {
        fixed = [GuideResource(), ServerInfoResource()]
        templates = [ToolDefinitionTemplate(catalog: tools), WorkflowDefinitionTemplate(library: workflows)]
        self.workflows = workflows
    }

    /// Every concrete resource now; workflow definitions follow the files on disk.
    package var resources: [any MCPResource] {
        fixed + workflows.workflows().map { WorkflowDefinitionResource(workflow: $0) }
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
