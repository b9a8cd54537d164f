/// One way a value fails its JSON Schema, with the path to the offending field.
package struct SchemaViolation: Error, Equatable, Sendable, CustomStringConvertible {
    /// Dotted path from the root, e.g. `tasks[0].title`; empty for the root itself.
    package let path: String
    /// What is wrong, phrased to follow the field name: "is required (string)".
    package let problem: String
    /// The expected JSON type or values, for machine readers.
    package let expected: String

    package init(path: String, problem: String, expected: String) {
        self.path = path
        self.problem = problem
        self.expected = expected
    }

    package var description: String {
        path.isEmpty ? "The arguments \(problem)" : "`\(path)` \(problem)"
    }
}
