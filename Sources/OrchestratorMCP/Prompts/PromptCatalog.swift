package import OrchestratorWorkflows

/// The only list of prompts: the fixed ones, then one per loaded workflow (picked to start it).
package struct PromptCatalog: Sendable {
    private let fixed: [any MCPPrompt]
    private let workflows: WorkflowLibrary

    package init(tools: ToolCatalog, workflows: WorkflowLibrary) {
        fixed = [GettingStartedPrompt(catalog: tools)]
        self.workflows = workflows
    }

    /// Every prompt now; workflow prompts follow the definitions on disk.
    package var prompts: [any MCPPrompt] {
        let names = Set(fixed.map(\.name))
        return fixed
            + workflows.workflows().filter { !names.contains($0.name) }.map {
                WorkflowPrompt(workflow: $0, library: workflows)
            }
    }

    package func prompt(named name: String) -> (any MCPPrompt)? {
        if let prompt = fixed.first(where: { $0.name == name }) { return prompt }
        return workflows.workflows().first { $0.name == name }.map { WorkflowPrompt(workflow: $0, library: workflows) }
    }
}
