internal import OrchestratorCore
internal import OrchestratorSystem

/// `search WORD...`: tasks, live and archived, that mention every word, best first.
struct SearchCommand: CLICommand {
    let name = "search"
    let summary = "Find tasks, live and archived, by words in their texts, best matches first."
    let usage = "search WORD... [--state PATH]"
    let details = """
        Every word, in any order, case and accents aside; a word matches a whole word or the start of one
        ("export" finds "exports"). Searched: the request's text, task titles and descriptions, what the agent
        reported done, reviewers' feedback and the history's notes (earlier, rejected reports too), in the live file
        and the archive. Best matches first (a word in a title counts most); at most 50. Reads only.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let words = arguments.positionals
        guard !words.isEmpty else { throw .usage("expected WORD..., got nothing") }
        let query = words.joined(separator: " ")
        let access = try StateAccess(arguments, context: context)
        let (state, _) = try access.read()
        let matches = TaskSearch.matches(query, live: state.requests, archived: try access.archived().map(\.request))
        guard !matches.isEmpty else {
            context.writeOut("No task mentions every word of \"\(query)\".\n")
            return 0
        }
        var table = TerminalTable(header: ["task", "request", "status", "title", "found in"])
        for match in matches {
            table.rows.append([
                .init(match.task.id.rawValue), .init(match.request.id.rawValue + (match.archived ? " (archived)" : "")),
                .init(match.task.status.words), .init(match.task.title), .init("\(match.field): \(match.excerpt)"),
            ])
        }
        context.writeOut(table.render(colour: false, width: context.width, shrinking: 4) + "\n")
        return 0
    }
}
