/// The only list of prompts: what the server's content offers now; where two share a name, the
/// first.
package struct PromptCatalog: Sendable {
    private let current: @Sendable () -> [any MCPPrompt]

    package init(content: ServerContent) {
        current = content.prompts
    }

    /// Every prompt now, each name once.
    package var prompts: [any MCPPrompt] {
        var names = Set<String>()
        return current().filter { names.insert($0.name).inserted }
    }

    package func prompt(named name: String) -> (any MCPPrompt)? {
        current().first { $0.name == name }
    }
}
