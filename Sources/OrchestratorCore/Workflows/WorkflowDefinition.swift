/// A workflow as loaded from `<name>/index.md` and its step files.
package struct WorkflowDefinition: Sendable, Equatable {
    /// The folder name: how tools, prompts and resources name the workflow.
    package let name: String
    /// The first heading of `index.md`, or the name.
    package let title: String
    /// The prose of `index.md` before its list of steps.
    package let description: String
    /// In index order; the first one starts every run. Never empty for a loaded definition.
    package let steps: [WorkflowStep]

    package init(name: String, title: String, description: String, steps: [WorkflowStep]) {
        self.name = name
        self.title = title
        self.description = description
        self.steps = steps
    }

    package var start: WorkflowStep? { steps.first }

    /// The step with this name (any case), or whose file is this one (`steps/x.md` or `x`).
    package func step(named text: String) -> WorkflowStep? {
        let wanted = text.trimmingBlanks.lowercased()
        return steps.first { $0.name.lowercased() == wanted }
            ?? steps.first { step in
                let file = step.file.lowercased()
                return file == wanted || file.hasSuffix("/\(wanted)") || file.hasSuffix("/\(wanted).md")
            }
    }

    /// The context keys a run needs from the start: those the first step's instructions render.
    /// (Later steps may render keys that earlier steps set, so only the first step counts.)
    package var requiredContext: [String] {
        guard let start else { return [] }
        var keys: [String] = []
        for path in WorkflowContext().render(start.clientInstructions).missing {
            let key = String(path.prefix { $0 != "." })
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }
}
