package import OrchestratorCore

/// Turns one workflow folder into a definition, or into the diagnostics that say why it cannot run.
package enum WorkflowParser {
    package struct Result: Sendable {
        /// `nil` when any error was found.
        package let definition: WorkflowDefinition?
        /// Errors and warnings, files relative to the workflow folder, in file order.
        package let diagnostics: [WorkflowDiagnostic]
        /// Every file the parser read or looked for, relative to the workflow folder.
        package let readPaths: [String]

        package var errors: [WorkflowDiagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    package static func parse(name: String, files: any WorkflowFiles) -> Result {
        var expander = IncludeExpander(files: files)
        guard let indexLines = expander.expand("index.md") else {
            let missing = WorkflowDiagnostic(
                .error, at: SourceLocation(file: "index.md", line: 1), "the workflow has no index.md",
                fixIt: "create index.md listing the steps as links: 1. [First Step](steps/first_step.md)")
            return Result(definition: nil, diagnostics: [missing], readPaths: expander.readPaths)
        }
        let index = IndexParser(indexLines)
        var diagnostics = index.diagnostics
        var parsed: [StepParser.Parsed] = []
        var rules: [(rule: TransitionRule, location: SourceLocation)] = []
        for entry in index.entries {
            guard let lines = expander.expand(entry.file) else {
                diagnostics.append(
                    WorkflowDiagnostic(
                        .error, at: entry.line.location,
                        "the file '\(entry.file)' of step '\(entry.name)' does not exist",
                        fixIt:
                            "create \(entry.file) with '# Orchestrator Guidance' and '# Client Instructions' sections, or correct the link"
                    ))
                continue
            }
            let (step, stepRules, problems) = StepParser.parse(name: entry.name, file: entry.file, lines: lines)
            diagnostics += problems
            rules += stepRules
            if let step { parsed.append(step) }
        }
        diagnostics += expander.diagnostics
        let names = index.entries.map(\.name)
        let steps = parsed.map { step in
            WorkflowStep(
                name: step.name, file: step.file, goal: step.goal, orchestratorGuidance: step.guidance,
                clientInstructions: step.instructions, contextExpectations: step.expectations, role: step.role,
                transitions: step.rules.map(\.rule),
                mentions: MentionScanner.mentions(in: step.guidance + "\n" + step.instructions, stepNames: names))
        }
        diagnostics += WorkflowValidator.check(steps: steps, rules: rules, index: index)
        diagnostics.sort { ($0.file, $0.line) < ($1.file, $1.line) }
        let failed = diagnostics.contains { $0.severity == .error }
        let definition =
            failed
            ? nil
            : WorkflowDefinition(
                name: name, title: index.title ?? name, description: index.description, steps: steps)
        return Result(definition: definition, diagnostics: diagnostics, readPaths: expander.readPaths)
    }
}
