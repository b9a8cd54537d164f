internal import OrchestratorCore
internal import OrchestratorSystem

/// `export [REQUEST_ID] --format markdown|json|html [--output FILE]`: a report to read or keep.
struct ExportCommand: CLICommand {
    let name = "export"
    let summary = "Write requests as Markdown, JSON (the state file's format) or one self-contained HTML page."
    let usage = "export [REQUEST_ID] --format markdown|json|html [--output FILE] [--state PATH]"
    let details = """
        Without REQUEST_ID every request is exported. The HTML report has no scripts and fetches nothing: per
        request its progress, the dependency graph as inline SVG (left to right, coloured by status) and the
        task table with each task's history. JSON uses the state file's own format, so it reads back the same.
        """
    let valuedOptions: Set<String> = ["--format", "--output"]
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let ids: [String]
        do { ids = try arguments.positionals(["REQUEST_ID"], optional: 1) } catch { throw .usage(error.description) }
        guard let format = arguments.options["--format"] else {
            throw .usage("--format is required: markdown, json or html")
        }
        guard ["markdown", "json", "html"].contains(format) else {
            throw .usage("--format takes markdown, json or html, not '\(format)'")
        }
        let access = try StateAccess(arguments, context: context)
        let (state, revision) = try access.read()
        var requests = state.requests
        if let id = ids.first {
            guard let index = state.requestIndex(WorkRequest.ID(id)) else {
                throw .refused("no request has the id \(id)")
            }
            requests = [state.requests[index]]
        }
        let text =
            switch format {
            case "json": JSONExport.render(requests, from: state, revision: revision)
            case "html":
                HTMLReport.render(requests, path: access.path, revision: revision, generated: context.clock.now())
            default: MarkdownReport.render(requests, path: access.path, revision: revision)
            }
        guard let output = arguments.options["--output"] else {
            context.writeOut(text)
            return 0
        }
        let target = output.hasPrefix("/") ? output : "\(context.workingDirectory)/\(output)"
        do {
            try FileSystem.replaceFile(target, with: Array(text.utf8))
        } catch {
            throw .io("the export was not written: \(error.description)")
        }
        context.writeError(
            "Wrote \(requests.count) request\(requests.count == 1 ? "" : "s") as \(format) to \(target)\n")
        return 0
    }
}
