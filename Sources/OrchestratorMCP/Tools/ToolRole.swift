/// What a tool does, as a refusal's remedy names it: the wording of a remedy asks the tool catalog
/// for the first enabled tool with the role, so renaming or disabling a tool cannot leave a sentence
/// that names it (`RefusalWording`). The roles are the tools' own vocabulary, declared beside them;
/// the protocol only matches them.
package struct ToolRole: Sendable, Hashable {
    package let name: String

    package init(_ name: String) { self.name = name }
}
