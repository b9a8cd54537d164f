/// A refusal by a rule of the domain: its facts, and a remedy that names tools only by their role,
/// worded when the result is rendered with the tools this server enables (`RefusalWording`).
package protocol RuleRefusal: Error, Sendable, CustomStringConvertible {
    /// Stable for machines.
    var code: String { get }
    /// What to do instead, naming each tool through `tool` (`nil` when no enabled tool has the role);
    /// `nil` when the enabled tools offer no remedy.
    func advice(naming tool: (ToolRole) -> String?) -> String?
}

/// A refusal's remedy in the words of this server's enabled tools: a client of a compatibility set
/// is pointed to its own tools, and a remedy no enabled tool offers is left out. Tools are named by
/// their role (`ToolRole`), never by a name written here: the first enabled tool, in the catalog's
/// order, that has the role.
package struct RefusalWording: Sendable {
    /// The tool named for each role.
    private let named: [ToolRole: String]

    package init(enabled tools: [any MCPTool]) {
        var named: [ToolRole: String] = [:]
        for tool in tools {
            for role in tool.roles where named[role] == nil { named[role] = tool.name }
        }
        self.named = named
    }

    /// The refusal's facts, then what to do with the tools at hand.
    package func sentence(for refusal: any RuleRefusal) -> String {
        guard let advice = refusal.advice(naming: { named[$0] }) else { return refusal.description }
        return refusal.description + " " + advice
    }
}
