internal import OrchestratorCore

/// Reads `index.md`: its title, its description, and the steps it lists as Markdown links.
struct IndexParser {
    struct Entry {
        let name: String
        /// Relative to the workflow folder, normalised.
        let file: String
        let line: SourceLine
    }

    let title: String?
    let description: String
    let entries: [Entry]
    let diagnostics: [WorkflowDiagnostic]

    init(_ lines: [SourceLine]) {
        var title: String?
        var description: [String] = []
        var entries: [Entry] = []
        var diagnostics: [WorkflowDiagnostic] = []
        for line in lines {
            let trimmed = line.text.trimmingBlanks
            if trimmed.hasPrefix("#") {
                if title == nil, trimmed.hasPrefix("# ") { title = String(trimmed.dropFirst(2)).trimmingBlanks }
                continue
            }
            guard let item = Self.listItem(trimmed), let link = Self.link(in: item) else {
                if entries.isEmpty, !trimmed.isEmpty { description.append(trimmed) }
                continue
            }
            let name = link.text.trimmingBlanks
            guard !name.isEmpty else {
                diagnostics.append(
                    WorkflowDiagnostic(
                        .error, at: line.location, "the step link has no name",
                        fixIt: "put the step's name in the brackets: [Run Tests](steps/run_tests.md)"))
                continue
            }
            guard let file = normalizedRelativePath(link.target) else {
                diagnostics.append(
                    WorkflowDiagnostic(
                        .error, at: line.location,
                        "the link of step '\(name)' points outside the workflow folder ('\(link.target)')",
                        fixIt:
                            "link to a file inside this workflow's folder, such as steps/\(WorkflowNaming.fileStem(for: name)).md"
                    ))
                continue
            }
            if let first = entries.first(where: { $0.name.lowercased() == name.lowercased() }) {
                diagnostics.append(
                    WorkflowDiagnostic(
                        .error, at: line.location, "step '\(name)' is listed twice (first at \(first.line.location))",
                        fixIt: "give each step a different name, or remove the repeated line"))
                continue
            }
            entries.append(Entry(name: name, file: file, line: line))
        }
        if entries.isEmpty, diagnostics.isEmpty {
            diagnostics.append(
                WorkflowDiagnostic(
                    .error, at: SourceLocation(file: lines.first?.file ?? "index.md", line: 1),
                    "index.md lists no steps",
                    fixIt:
                        "list the steps as links, the first one starting the run: 1. [First Step](steps/first_step.md)")
            )
        }
        self.title = title
        self.description = description.joined(separator: " ")
        self.entries = entries
        self.diagnostics = diagnostics
    }

    /// The text after a list marker (`-`, `*`, `+`, `1.`, `1)`), or `nil` for other lines.
    static func listItem(_ line: String) -> Substring? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " { return line.dropFirst(2) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2)
    }

    /// The first `[text](target)` in `item`; the target loses `<…>` and any `#anchor`.
    static func link(in item: Substring) -> (text: String, target: String)? {
        guard let open = item.firstIndex(of: "["),
            let close = item[open...].firstIndex(of: "]"),
            item.index(after: close) < item.endIndex, item[item.index(after: close)] == "(",
            let end = item[close...].firstIndex(of: ")")
        else { return nil }
        let text = String(item[item.index(after: open)..<close])
        var target = String(item[item.index(close, offsetBy: 2)..<end]).trimmingBlanks
        if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
        if let anchor = target.firstIndex(of: "#") { target = String(target[..<anchor]) }
        return (text, target)
    }
}
