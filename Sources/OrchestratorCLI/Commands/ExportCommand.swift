internal import OrchestratorCore
internal import OrchestratorSystem

/// `export [REQUEST_ID] --format markdown|json|html [--output FILE]`: a report to read or keep.
struct ExportCommand: CLICommand {
    let name = "export"
    let summary = "Write requests as Markdown, JSON (the state file's format) or one self-contained HTML page."
    let usage = "export [REQUEST_ID] --format markdown|json|html [--output FILE] [--archived] [--state PATH]"
    let details = """
        Without REQUEST_ID every live request is exported, and with --archived the archived ones after them;
        REQUEST_ID finds an archived request too. The HTML report has no scripts and fetches nothing: per
        request its progress, the dependency graph as inline SVG (left to right, coloured by status) and the
        task table with each task's history. JSON uses the state file's own format, so it reads back the same.
        """
    let valuedOptions: Set<String> = ["--format", "--output"]
    let flagOptions: Set<String> = ["--archived"]

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
            if let index = state.requestIndex(WorkRequest.ID(id)) {
                requests = [state.requests[index]]
            } else if let archived = try access.archived().first(where: { $0.request.id.rawValue == id }) {
                requests = [archived.request]
            } else {
                throw .refused("no request has the id \(id), live or archived")
            }
        } else if arguments.flags.contains("--archived") {
            requests += try access.archived().map(\.request)
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
