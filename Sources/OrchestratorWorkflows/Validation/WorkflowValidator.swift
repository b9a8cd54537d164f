internal import OrchestratorCore

/// Checks that need the whole workflow: rule targets exist, and every step can be reached.
enum WorkflowValidator {
    /// `rules` are every readable rule of every step, those of steps with other errors included.
    static func check(
        steps: [WorkflowStep], rules: [(rule: TransitionRule, location: SourceLocation)], index: IndexParser
    ) -> [WorkflowDiagnostic] {
        var diagnostics: [WorkflowDiagnostic] = []
        let names = index.entries.map(\.name)
        for (rule, location) in rules {
            guard case .step(let target) = rule.target,
                !names.contains(where: { $0.lowercased() == target.lowercased() })
            else { continue }
            diagnostics.append(
                WorkflowDiagnostic(
                    .error, at: location,
                    "the rule '\(rule)' leads to '\(target)', which is not a step of this workflow",
                    fixIt: "use one of \(names.joined(separator: ", ")), FINISH or FAILED, spelled as in index.md"))
        }
        guard diagnostics.isEmpty, let start = steps.first, steps.count == index.entries.count else {
            return diagnostics
        }

        var reached: Set<String> = [start.name.lowercased()]
        var queue = [start]
        while let step = queue.popLast() {
            for case .step(let name) in step.allowedTargets where !reached.contains(name.lowercased()) {
                reached.insert(name.lowercased())
                if let next = steps.first(where: { $0.name.lowercased() == name.lowercased() }) { queue.append(next) }
            }
        }
        for entry in index.entries where !reached.contains(entry.name.lowercased()) {
            diagnostics.append(
                WorkflowDiagnostic(
                    .warning, at: entry.line.location,
                    "step '\(entry.name)' cannot be reached from the first step '\(start.name)'",
                    fixIt:
                        "add a transition to it, name it in the guidance of a step that should lead there, or remove it"
                ))
        }
        return diagnostics
    }
}
