internal import OrchestratorCore
internal import OrchestratorSystem

/// `search TEXT`: tasks, live and archived, whose title, description, reported work or feedback
/// mention the words.
struct SearchCommand: CLICommand {
    let name = "search"
    let summary = "Find tasks, live and archived, by words in their texts."
    let usage = "search TEXT [--state PATH]"
    let details = """
        Case-insensitive, in task titles, descriptions, what the agent reported done and reviewers' feedback, in the
        live file and the archive; at most 50 matches, live ones first. Reads only.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let words: [String]
        do { words = try arguments.positionals(["TEXT"]) } catch { throw .usage(error.description) }
        let access = try StateAccess(arguments, context: context)
        let (state, _) = try access.read()
        let matches = TaskSearch.matches(
            words[0], live: state.requests, archived: try access.archived().map(\.request))
        guard !matches.isEmpty else {
            context.writeOut("No task mentions \"\(words[0])\".\n")
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
