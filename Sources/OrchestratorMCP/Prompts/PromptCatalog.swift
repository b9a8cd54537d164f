/// The only list of prompts.
package struct PromptCatalog: Sendable {
    package let prompts: [any MCPPrompt]

    package init(tools: ToolCatalog) {
        prompts = [GettingStartedPrompt(catalog: tools)]
    }

    package func prompt(named name: String) -> (any MCPPrompt)? {
        prompts.first { $0.name == name }
    }
}
