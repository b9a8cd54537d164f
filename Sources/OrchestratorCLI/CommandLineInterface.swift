internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

/// The person's side of the executable: subcommands next to the default stdio server.
package enum CommandLineInterface {
    static let commands: [any CLICommand] = [
        StatusCommand(), ShowCommand(), DiffCommand(), ApproveCommand(), RejectCommand(), ApproveRequestCommand(),
        ApproverCommand(),
        ChecksCommand(), BoardCommand(), ConnectCommand(),
        ExportCommand(), ImportCommand(), MigrateCommand(), InitCommand(), ProjectsCommand(), SearchCommand(),
        WorkflowsCommand(), ConfigCommand(), InstallCommand(),
    ]

    /// The options every command takes: where the state is (`--state`) and which store holds it
    /// (`--store`; `main` opens it).
    static let globalOptions: Set<String> = ["--state", "--store"]

    /// The value of a global option as the command named first parses it; `nil` when it is not given,
    /// or the line does not parse (the command then says why).
    package static func globalOption(_ name: String, in arguments: [String]) -> String? {
        guard let command = commands.first(where: { $0.name == arguments.first }) else { return nil }
        let parsed = try? CommandLineArguments(
            Array(arguments.dropFirst()), valued: command.valuedOptions.union(globalOptions),
            flags: command.flagOptions.union(["--help"]))
        return parsed?.options[name]
    }

    /// Whether `word` (the first argument) is meant as a subcommand rather than a server option:
    /// any word that is not an option, so a mistyped command gets the list and a suggestion.
    package static func isCommand(_ word: String) -> Bool {
        !word.hasPrefix("-")
    }

    /// Runs the subcommand named by `arguments[0]`; returns the exit status. Errors go to stderr
    /// with the usage line; `--help` prints the command's help on stdout.
    package static func run(_ arguments: [String], context: CLIContext) -> Int32 {
        guard let name = arguments.first, let command = commands.first(where: { $0.name == name }) else {
            context.writeError(unknownCommand(arguments.first ?? ""))
            return 64
        }
        let usage = "usage: mcp-orchestrator \(command.usage)"
        do throws(CLIFailure) {
            let parsed: CommandLineArguments
            do {
                parsed = try CommandLineArguments(
                    Array(arguments.dropFirst()), valued: command.valuedOptions.union(globalOptions),
                    flags: command.flagOptions.union(["--help"]))
            } catch {
                throw CLIFailure.usage(error.description)
            }
            if parsed.flags.contains("--help") {
                context.writeOut("\(usage)\n\n\(command.summary)\n\n\(command.details)\n")
                return 0
            }
            return try command.run(parsed, context: context)
        } catch {
            context.writeError("mcp-orchestrator \(name): \(error.message.showingControlCharacters())\n")
            if case .usage = error { context.writeError("\(usage)\n") }
            return error.status
        }
    }

    /// What `mcp-orchestrator WORD` says when WORD is no command: the nearest one, if any is close,
    /// and the list.
    static func unknownCommand(_ word: String) -> String {
        let nearest = commands.map { ($0.name, word.editDistance(to: $0.name)) }.min { $0.1 < $1.1 }
        var text = "mcp-orchestrator: '\(word)' is not a command."
        if let nearest, nearest.1 <= max(2, nearest.0.count / 3) { text += " Did you mean '\(nearest.0)'?" }
        return text
            + "\nCommands (each has --help):\n\(summaries)\nWith no command (options only) it serves MCP over stdio; see --help.\n"
    }

    /// Each command's usage line, as `--help` prints it (the README's table of commands is checked
    /// against these).
    package static var usages: [String] { commands.map { "mcp-orchestrator " + $0.usage } }

    /// The command list for the program's `--help`.
    package static var summaries: String {
        commands.map { "  \($0.name.padded(to: 16))\($0.summary)" }.joined(separator: "\n")
    }
}
