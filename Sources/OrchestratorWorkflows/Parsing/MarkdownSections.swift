internal import OrchestratorCore

/// A Markdown document cut at its level-1 headings (`# Title`), ignoring headings inside code fences.
struct MarkdownSections {
    struct Section {
        /// The heading text, without `#` and surrounding spaces.
        let title: String
        let heading: SourceLine
        let body: [SourceLine]

        /// The body as text, with leading and trailing blank lines removed.
        var text: String {
            var lines = body.map(\.text)
            while lines.first?.trimmingBlanks.isEmpty == true { lines.removeFirst() }
            while lines.last?.trimmingBlanks.isEmpty == true { lines.removeLast() }
            return lines.joined(separator: "\n")
        }
    }

    /// Lines before the first heading.
    let preamble: [SourceLine]
    let sections: [Section]

    init(_ lines: [SourceLine]) {
        var preamble: [SourceLine] = []
        var sections: [Section] = []
        var current: (title: String, heading: SourceLine, body: [SourceLine])?
        var inFence = false
        for line in lines {
            let trimmed = line.text.trimmingBlanks
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, line.text.hasPrefix("# ") || line.text == "#" {
                if let current {
                    sections.append(Section(title: current.title, heading: current.heading, body: current.body))
                }
                current = (String(line.text.dropFirst(1)).trimmingBlanks, line, [])
            } else if var open = current {
                open.body.append(line)
                current = open
            } else {
                preamble.append(line)
            }
        }
        if let current { sections.append(Section(title: current.title, heading: current.heading, body: current.body)) }
        self.preamble = preamble
        self.sections = sections
    }

    /// Sections whose title is `title`, compared without regard to case.
    func named(_ title: String) -> [Section] {
        sections.filter { $0.title.lowercased() == title.lowercased() }
    }
}
