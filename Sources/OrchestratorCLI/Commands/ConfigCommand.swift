internal import OrchestratorJSON
internal import OrchestratorSystem

/// `config claude-desktop|cline|claude-code [server options]`: a ready `mcpServers` entry with this
/// executable's absolute path, and where that client keeps it.
struct ConfigCommand: CLICommand {
    let name = "config"
    let summary = "Print a ready client entry: config claude-desktop|cline|claude-code [server options]."
    let usage =
        "config claude-desktop|cline|claude-code [--state PATH] [--workflows DIR]... [--toolsets LIST] [--approver MODE] [--lease-minutes N] [--lock-wait-seconds N] [--log-level LEVEL] [--max-line-bytes N]"
    let details = """
        Prints the JSON entry on stdout (with the absolute path of this executable and the options given, paths
        made absolute) and, on stderr, where the client's file lives on this platform. For Claude Code it also
        prints the `claude mcp add` command line.
        """
    /// Every server option (`--state` is common to all commands), passed through to the entry.
    let valuedOptions: Set<String> = [
        "--workflows", "--toolsets", "--approver", "--lease-minutes", "--lock-wait-seconds", "--log-level",
        "--max-line-bytes",
    ]
    let flagOptions: Set<String> = []

    enum Client: String, CaseIterable {
        case claudeDesktop = "claude-desktop"
        case cline
        case claudeCode = "claude-code"
    }

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let words: [String]
        do { words = try arguments.positionals(["CLIENT"]) } catch { throw .usage(error.description) }
        guard let client = Client(rawValue: words[0]) else {
            throw .usage(
                "CLIENT is one of \(Client.allCases.map(\.rawValue).joined(separator: ", ")), not '\(words[0])'")
        }
        var serverArguments: [String] = []
        for (name, value) in arguments.allValues {
            var absolute = value
            if ["--state", "--workflows"].contains(name) {
                absolute = ProcessPaths.expandingTilde(value, home: context.home)
                if !absolute.hasPrefix("/") {
                    absolute = context.workingDirectory + "/" + absolute.trimmingPrefix("./")
                }
            }
            serverArguments += [name, absolute]
        }
        var server: [String: JSONValue] = [
            "command": .string(context.executablePath), "args": .array(serverArguments.map(JSONValue.string)),
        ]
        if client == .cline {
            server["type"] = "stdio"
            server["disabled"] = false
        }
        let entry: JSONValue = ["mcpServers": ["orchestrator": .object(server)]]
        context.writeOut(Self.pretty(entry) + "\n")
        context.writeError(where: client, arguments: serverArguments, context: context)
        return 0
    }

    /// Two-space indented JSON, keys sorted, for pasting into a config file.
    static func pretty(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .object(let members) where !members.isEmpty:
            let body = members.keys.sorted().map {
                "\(inner)\(JSONValue.string($0)): \(pretty(members[$0]!, indent: inner))"
            }
            return "{\n" + body.joined(separator: ",\n") + "\n\(indent)}"
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        default:
            return value.description
        }
    }
}

extension CLIContext {
    fileprivate func writeError(where client: ConfigCommand.Client, arguments: [String], context: CLIContext) {
        let home = context.home ?? "~"
        #if os(macOS)
            let support = "\(home)/Library/Application Support"
        #else
            let support = context.environment["XDG_CONFIG_HOME"] ?? "\(home)/.config"
        #endif
        switch client {
        case .claudeDesktop:
            #if os(macOS)
                writeError("Merge this into \(support)/Claude/claude_desktop_config.json and restart Claude Desktop.\n")
            #else
                writeError(
                    "Claude Desktop reads %APPDATA%\\Claude\\claude_desktop_config.json on Windows and ~/Library/Application Support/Claude/claude_desktop_config.json on macOS; on Linux, builds that exist use \(support)/Claude/claude_desktop_config.json.\n"
                )
            #endif
        case .cline:
            writeError(
                "Merge this into \(support)/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json (Cline → MCP Servers → Configure opens it).\n"
            )
        case .claudeCode:
            let quoted = ShellQuoting.line([executablePath] + arguments)
            writeError(
                "Claude Code keeps user-scoped servers in \(home)/.claude.json; add this one with:\nclaude mcp add --transport stdio --scope user orchestrator -- \(quoted)\n"
            )
        }
    }
}
