internal import OrchestratorCore

/// Reads one step file: its sections, its role, and its transition rules.
struct StepParser {
    static let guidanceSection = "Orchestrator Guidance"
    static let instructionsSection = "Client Instructions"
    static let transitionsSection = "Transitions"

    /// A parsed step before mentions are known (they need every step's name).
    struct Parsed {
        let name: String
        let file: String
        let goal: String?
        let guidance: String
        let instructions: String
        let expectations: String?
        let role: String?
        let rules: [(rule: TransitionRule, location: SourceLocation)]
    }

    /// Every section title a step may have; any other is reported, with the nearest of these.
    static let knownSections = [
        guidanceSection, instructionsSection, "Goal", "Context Expectations", "Role", transitionsSection,
    ]

    /// The step, or `nil` when it has errors; its readable rules come back either way, so their
    /// targets are checked in the same run as the step's other problems.
    static func parse(
        name: String, file: String, lines: [SourceLine]
    ) -> (step: Parsed?, rules: [(rule: TransitionRule, location: SourceLocation)], diagnostics: [WorkflowDiagnostic]) {
        let document = MarkdownSections(lines)
        var diagnostics: [WorkflowDiagnostic] = []
        let top = SourceLocation(file: file, line: 1)

        func single(_ title: String, required: Bool, hint: String) -> MarkdownSections.Section? {
            let found = document.named(title)
            if found.count > 1 {
                diagnostics.append(
                    WorkflowDiagnostic(
                        .error, at: found[1].heading.location,
                        "step '\(name)' has a second '# \(title)' section (the first is at line \(found[0].heading.line))",
                        fixIt: "merge the two '# \(title)' sections into one"))
            }
            guard let section = found.first else {
                if required {
                    diagnostics.append(
                        WorkflowDiagnostic(
                            .error, at: top, "step '\(name)' has no '# \(title)' section",
                            fixIt: "add a '# \(title)' heading with \(hint)"))
                }
                return nil
            }
            if required, section.text.isEmpty {
                diagnostics.append(
                    WorkflowDiagnostic(
                        .error, at: section.heading.location, "the '# \(title)' section of step '\(name)' is empty",
                        fixIt: "write \(hint) under it"))
            }
            return section
        }

        for section in document.sections
        where !knownSections.contains(where: { $0.lowercased() == section.title.lowercased() }) {
            let nearest = knownSections.map { ($0, section.title.lowercased().editDistance(to: $0.lowercased())) }.min {
                $0.1 < $1.1
            }!
            let close = nearest.1 <= max(2, nearest.0.count / 4)
            diagnostics.append(
                WorkflowDiagnostic(
                    close ? .error : .warning, at: section.heading.location,
                    "step '\(name)' has an unknown section '# \(section.title)'"
                        + (close ? " (a misspelling of '# \(nearest.0)'?)" : ", whose text is not read"),
                    fixIt: close
                        ? "rename the heading to '# \(nearest.0)'"
                        : "use one of \(knownSections.map { "'# \($0)'" }.joined(separator: ", ")), or make it a '## ' subheading"
                ))
        }
        let guidance = single(guidanceSection, required: true, hint: "what the orchestrator should do next and when")
        let instructions = single(instructionsSection, required: true, hint: "what the client should do in this step")
        let goal = single("Goal", required: false, hint: "")
        let expectations = single("Context Expectations", required: false, hint: "")
        let role = single("Role", required: false, hint: "")
        var rules: [(TransitionRule, SourceLocation)] = []
        if let transitions = single(transitionsSection, required: false, hint: "") {
            for line in transitions.body {
                do throws(TransitionParser.Failure) {
                    if let rule = try TransitionParser.parse(line.text) { rules.append((rule, line.location)) }
                } catch {
                    diagnostics.append(WorkflowDiagnostic(.error, at: line.location, error.message, fixIt: error.fixIt))
                }
            }
            if rules.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(
                    WorkflowDiagnostic(
                        .warning, at: transitions.heading.location,
                        "the '# Transitions' section of step '\(name)' has no rules",
                        fixIt: "add rules such as \(TransitionParser.example), or remove the heading"))
            }
        }
        guard let guidance, let instructions, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, rules, diagnostics)
        }
        let roleName = role.flatMap {
            $0.text.split(separator: "\n").first.map { String($0).trimmingBlanks.strippingEdges("`*") }
        }
        return (
            Parsed(
                name: name, file: file, goal: goal.map(\.text).flatMap { $0.isEmpty ? nil : $0 },
                guidance: guidance.text,
                instructions: instructions.text,
                expectations: expectations.map(\.text).flatMap { $0.isEmpty ? nil : $0 },
                role: roleName.flatMap { $0.isEmpty ? nil : $0 }, rules: rules), rules, diagnostics
        )
    }
}

extension String {
    func strippingEdges(_ characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
