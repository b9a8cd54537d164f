internal import OrchestratorCore

/// A specialist role (architect, tester, …): a Markdown file in a `roles` folder whose text is the
/// guidance that comes with every task or step naming the role.
package struct RoleDefinition: Sendable, Equatable {
    /// The file's stem, lowercased: how tasks and steps name the role.
    package let name: String
    /// The file's first `# ` heading, or the name.
    package let title: String
    package let guidance: String
    package let path: String

    package init(name: String, title: String, guidance: String, path: String) {
        self.name = name
        self.title = title
        self.guidance = guidance
        self.path = path
    }

    init(name: String, text: String, path: String) {
        let heading = text.split(separator: "\n").first { $0.hasPrefix("# ") }
        self.init(
            name: name, title: heading.map { String($0.dropFirst(2)).trimmingBlanks } ?? name,
            guidance: text.trimmingBlanks, path: path)
    }
}
