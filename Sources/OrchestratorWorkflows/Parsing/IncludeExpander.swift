internal import OrchestratorCore

/// Replaces every `{{file:relative/path}}` with the lines of that file, recursively, keeping where
/// each line came from. Paths are relative to the including file's folder and may not leave the
/// workflow folder; includes nest at most `maximumDepth` deep and may not form a cycle.
struct IncludeExpander {
    static let maximumDepth = 8
    static let opening = "{{file:"

    let files: any WorkflowFiles
    private(set) var diagnostics: [WorkflowDiagnostic] = []
    /// Every path read, for noticing later changes.
    private(set) var readPaths: [String] = []

    init(files: any WorkflowFiles) { self.files = files }

    /// The expanded lines of `file`, or `nil` when the file itself is missing.
    mutating func expand(_ file: String) -> [SourceLine]? {
        readPaths.append(file)
        guard let text = files.text(at: file) else { return nil }
        return expand(SourceLine.lines(of: text, file: file), stack: [file])
    }

    private mutating func expand(_ lines: [SourceLine], stack: [String]) -> [SourceLine] {
        var output: [SourceLine] = []
        output.reserveCapacity(lines.count)
        for line in lines { output += expand(line, stack: stack) }
        return output
    }

    private mutating func expand(_ line: SourceLine, stack: [String]) -> [SourceLine] {
        guard let open = line.text.firstRange(of: Self.opening),
            let close = line.text[open.upperBound...].firstRange(of: "}}")
        else { return [line] }
        let prefix = String(line.text[..<open.lowerBound])
        let suffix = String(line.text[close.upperBound...])
        let written = String(line.text[open.upperBound..<close.lowerBound]).trimmingBlanks
        // A failed include stays as written, so the section around it is not reported as empty too.
        guard var included = include(written, at: line, stack: stack) else { return [line] }
        if included.isEmpty { included = [SourceLine("", file: line.file, line: line.line)] }
        let first = included[0]
        included[0] = SourceLine(prefix + first.text, file: first.file, line: first.line)
        // Only the text after the include is scanned again; the included lines are already expanded.
        let last = included.removeLast()
        var tail = expand(SourceLine(suffix, file: line.file, line: line.line), stack: stack)
        tail[0] = SourceLine(last.text + tail[0].text, file: last.file, line: last.line)
        return included + tail
    }

    private mutating func include(_ written: String, at line: SourceLine, stack: [String]) -> [SourceLine]? {
        let folder = line.file.split(separator: "/").dropLast().joined(separator: "/")
        guard let path = normalizedRelativePath(folder.isEmpty ? written : "\(folder)/\(written)") else {
            diagnostics.append(
                WorkflowDiagnostic(
                    .error, at: line.location, "the include '\(written)' points outside the workflow folder",
                    fixIt: "include only files inside this workflow's folder, with a path relative to \(line.file)"))
            return nil
        }
        if let start = stack.firstIndex(of: path) {
            let cycle = (stack[start...] + [path]).joined(separator: " → ")
            diagnostics.append(
                WorkflowDiagnostic(
                    .error, at: line.location, "the include of '\(written)' forms a cycle: \(cycle)",
                    fixIt: "remove one of these includes so no file includes itself"))
            return nil
        }
        guard stack.count <= Self.maximumDepth else {
            diagnostics.append(
                WorkflowDiagnostic(
                    .error, at: line.location,
                    "includes nest deeper than \(Self.maximumDepth) files (\(stack.joined(separator: " → ")) → \(path))",
                    fixIt: "flatten the includes so no chain is longer than \(Self.maximumDepth)"))
            return nil
        }
        readPaths.append(path)
        guard let text = files.text(at: path) else {
            diagnostics.append(
                WorkflowDiagnostic(
                    .error, at: line.location, "the included file '\(path)' does not exist",
                    fixIt: "create \(path), or correct the path (it is relative to \(line.file))"))
            return nil
        }
        return expand(SourceLine.lines(of: text, file: path), stack: stack + [path])
    }
}
