internal import OrchestratorCore

/// A workflow described as data (`create_workflow`'s input), rendered to the Markdown layout that
/// the parser reads, so what is written is exactly what will load.
package struct WorkflowDraft: Sendable {
    package struct Step: Sendable {
        package let name: String
        package let goal: String?
        package let orchestratorGuidance: String
        package let clientInstructions: String
        package let contextExpectations: String?
        package let role: String?
        /// Rule lines in the `# Transitions` syntax (`success -> Next Step`).
        package let transitions: [String]

        package init(
            name: String, goal: String? = nil, orchestratorGuidance: String, clientInstructions: String,
            contextExpectations: String? = nil, role: String? = nil, transitions: [String] = []
        ) {
            self.name = name
            self.goal = goal
            self.orchestratorGuidance = orchestratorGuidance
            self.clientInstructions = clientInstructions
            self.contextExpectations = contextExpectations
            self.role = role
            self.transitions = transitions
        }
    }

    package let name: String
    package let description: String
    package let steps: [Step]

    package init(name: String, description: String, steps: [Step]) {
        self.name = name
        self.description = description
        self.steps = steps
    }

    /// The files to write, by path relative to the workflow's folder.
    package var files: [String: String] {
        var files: [String: String] = [:]
        var index = "# \(name)\n\n\(description.trimmingBlanks)\n\n## Steps\n\n"
        var stems = Set<String>()
        for (number, step) in steps.enumerated() {
            var stem = WorkflowNaming.fileStem(for: step.name)
            if !stems.insert(stem).inserted {
                stem += "_\(number + 1)"
                stems.insert(stem)
            }
            let file = "steps/\(stem).md"
            index += "\(number + 1). [\(step.name.trimmingBlanks)](\(file))\n"
            files[file] = Self.render(step)
        }
        files["index.md"] = index
        return files
    }

    private static func render(_ step: Step) -> String {
        var sections: [(String, String)] = []
        if let goal = step.goal, !goal.isBlank { sections.append(("Goal", goal)) }
        sections.append(("Orchestrator Guidance", step.orchestratorGuidance))
        sections.append(("Client Instructions", step.clientInstructions))
        if let expectations = step.contextExpectations, !expectations.isBlank {
            sections.append(("Context Expectations", expectations))
        }
        if let role = step.role, !role.isBlank { sections.append(("Role", role)) }
        if !step.transitions.isEmpty {
            sections.append(("Transitions", step.transitions.map { "- \($0.trimmingBlanks)" }.joined(separator: "\n")))
        }
        return sections.map { "# \($0.0)\n\n\($0.1.trimmingBlanks)\n" }.joined(separator: "\n")
    }
}
