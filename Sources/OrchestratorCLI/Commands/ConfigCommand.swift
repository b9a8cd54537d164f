internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

/// `config claude-desktop|cline|claude-code [server options]`: a ready `mcpServers` entry with this
/// executable's absolute path, and where that client keeps it.
struct ConfigCommand: CLICommand {
    let name = "config"
    let summary = "Print, or --install, a client entry; --detect lists the clients found here."
    /// The server options an entry passes on (`--state` is common to all commands), with their values' names.
    static let serverOptions: [(name: String, value: String)] = [
        ("--workflows", "DIR"), ("--toolsets", "LIST"), ("--approver", "MODE"), ("--lease-minutes", "N"),
        ("--lock-wait-seconds", "N"), ("--archive-after-days", "N"), ("--log-level", "LEVEL"),
        ("--max-line-bytes", "N"), ("--notify-command", "CMD"),
    ]
    let usage =
        "config \(Client.allCases.map(\.rawValue).joined(separator: "|")) [--install [--force]] [--state PATH] "
        + serverOptions.map { "[\($0.name) \($0.value)]" + ($0.name == "--workflows" ? "..." : "") }
        .joined(separator: " ") + " | config --detect"
    let details = """
        Prints the JSON entry on stdout (with the absolute path of this executable and the options given, paths
        made absolute) and, on stderr, where the client's file lives on this platform. For Claude Code it also
        prints the `claude mcp add` command line. --install merges the entry, named "orchestrator", into that
        file: every other entry stays as it was, the old file is kept as FILE.backup-TIME, and the new one
        replaces it atomically; a file that does not parse is refused (with where) and left alone. VS Code's
        file may hold comments and trailing commas (they stay in the backup only). --detect lists the clients
        whose folders exist here and whether each has the entry.
        """
    /// Every server option (`--state` is common to all commands), passed through to the entry.
    let valuedOptions = Set(serverOptions.map(\.name))
    let flagOptions: Set<String> = ["--install", "--force", "--detect"]

    enum Client: String, CaseIterable {
        case claudeDesktop = "claude-desktop"
        case cline
        case claudeCode = "claude-code"
        case cursor
        case vscode
    }

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        if arguments.options["--store"] != nil {
            // A connection string may hold a password: it is not written into a client's file.
            throw .usage(
                "--store is not written into a client's configuration (a connection string may hold a password); give the client MCP_ORCHESTRATOR_STORE in its server entry's env, or keep the password in ~/.pgpass"
            )
        }
        if arguments.flags.contains("--detect") {
            do { _ = try arguments.positionals([], optional: 0) } catch { throw .usage("--detect takes no CLIENT") }
            return detect(context: context)
        }
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
        let file = ClientConfigFile(client, home: context.home ?? "~", environment: context.environment)
        let command = Self.command(context: context)
        let server = file.entry(command: command, arguments: serverArguments)
        if arguments.flags.contains("--install") {
            // A client not found here is most likely a mistyped name or another machine's: said, not created.
            guard arguments.flags.contains("--force") || file.isPresent else {
                throw .refused(
                    "\(client.rawValue) was not found here (neither \(file.path) nor \(file.clientFolder) exists); "
                        + "`config --detect` lists the clients found, and --force installs the entry all the same")
            }
            return try install(server, into: file, context: context)
        }
        let entry: JSONValue = [file.key: [ClientConfigFile.entryName: server]]
        context.writeOut(Self.pretty(entry) + "\n")
        context.writeError(where: client, command: command, arguments: serverArguments, context: context)
        return 0
    }

    /// The executable an entry names: the installed copy (`install`) when there is one, so the entry
    /// survives the checkout moving; said on stderr when that copy is older than this one, or when
    /// this one runs from a build folder and none is installed.
    static func command(context: CLIContext) -> String {
        if let installed = Installed.find(context: context) {
            if installed.path != context.executablePath, Installed.isOlder(installed.version, than: ProductInfo.version)
            {
                context.writeError(
                    "note: the entry names the installed copy, \(installed.path), version \(installed.version), older than "
                        + "this one (\(ProductInfo.version)); `mcp-orchestrator install` from this build updates it.\n")
            }
            return installed.path
        }
        if context.executablePath.contains("/.build/") {
            context.writeError(
                "note: this executable is inside a build folder (\(context.executablePath)); the entry breaks if the checkout "
                    + "moves. `mcp-orchestrator install` copies it to your per-user bin folder, and config then names that copy.\n"
            )
        }
        return context.executablePath
    }

    /// Merges the entry into the client's file: a backup first, then an atomic replacement.
    private func install(_ server: JSONValue, into file: ClientConfigFile, context: CLIContext) throws(CLIFailure)
        -> Int32
    {
        guard context.home != nil else { throw .refused("no home folder is known (HOME is unset)") }
        var root: [String: JSONValue]
        do { root = try file.read() ?? [:] } catch { throw .refused(error.sentence) }
        var servers: [String: JSONValue] = [:]
        if let existing = root[file.key] {
            guard case .object(let object) = existing else {
                throw .refused(
                    "\(file.path): \"\(file.key)\" is \(existing.typeName), not an object; it was left as it was")
            }
            servers = object
        }
        if servers[ClientConfigFile.entryName] == server {
            context.writeOut("\(file.path) already has this entry; nothing changed.\n")
            return 0
        }
        let replacing = servers[ClientConfigFile.entryName] != nil
        servers[ClientConfigFile.entryName] = server
        root[file.key] = .object(servers)
        var lines: [String] = []
        do {
            if let original = ProjectProbe.live.readWhole(file.path) {
                let backup = file.path + ".backup-" + Self.stamp(context.clock.now())
                try FileSystem.replaceFile(backup, with: Array(original.utf8))
                lines.append("The old file is kept as \(backup).")
                if file.allowsComments, JSONCText.plain(Array(original.utf8)) != Array(original.utf8) {
                    lines.append("Its comments and trailing commas are in the backup only.")
                }
            } else {
                try FileSystem.createDirectories(ProcessPaths.parent(of: file.path))
            }
            // The file keeps the permissions it had (a new one is the person's alone).
            let permissions = FileSystem.permissions(file.path)
            try FileSystem.replaceFile(
                file.path, with: Array((Self.pretty(.object(root), order: file.keyOrder()) + "\n").utf8))
            if let permissions { try FileSystem.setPermissions(file.path, permissions) }
        } catch {
            throw .io(error.description)
        }
        lines.insert(
            "\(replacing ? "Replaced" : "Added") the \"\(ClientConfigFile.entryName)\" entry in \(file.path); restart \(file.client.rawValue) to load it.",
            at: 0)
        context.writeOut(lines.joined(separator: "\n") + "\n")
        return 0
    }

    /// The clients whose folders exist on this machine, and whether each has the entry.
    private func detect(context: CLIContext) -> Int32 {
        guard let home = context.home else {
            context.writeOut("No home folder is known (HOME is unset), so no client can be found.\n")
            return 0
        }
        var lines: [String] = []
        for client in Client.allCases {
            let file = ClientConfigFile(client, home: home, environment: context.environment)
            guard file.isPresent else {
                lines.append("\(client.rawValue): not found")
                continue
            }
            let state: String
            do {
                let present = (try file.read())?[file.key]?[ClientConfigFile.entryName] != nil
                state =
                    present
                    ? "has the orchestrator entry" : "found, without the entry (config \(client.rawValue) --install)"
            } catch {
                state = "found, but \(error.sentence)"
            }
            lines.append("\(client.rawValue): \(state) — \(file.path)")
        }
        context.writeOut(lines.joined(separator: "\n") + "\n")
        return 0
    }

    /// `20261202T180500` for backup names, from the context's clock.
    static func stamp(_ moment: Timestamp) -> String {
        String(moment.description.prefix(19).filter { $0 != "-" && $0 != ":" })
    }

    /// Two-space indented JSON for a config file: each object's keys in the order the file had them
    /// (`order`), new keys after them, sorted; all sorted without an order.
    static func pretty(_ value: JSONValue, indent: String = "", order: KeyOrder? = nil, path: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .object(let members) where !members.isEmpty:
            let keys = order?.ordered(members.keys, at: path) ?? members.keys.sorted()
            let body = keys.map {
                "\(inner)\(JSONValue.string($0)): \(pretty(members[$0]!, indent: inner, order: order, path: KeyOrder.child(path, $0)))"
            }
            return "{\n" + body.joined(separator: ",\n") + "\n\(indent)}"
        case .array(let items) where !items.isEmpty:
            return "[\n"
                + items.enumerated().map {
                    inner + pretty($1, indent: inner, order: order, path: KeyOrder.child(path, "#\($0)"))
                }.joined(separator: ",\n") + "\n\(indent)]"
        default:
            return value.description
        }
    }
}

extension CLIContext {
    fileprivate func writeError(
        where client: ConfigCommand.Client, command: String, arguments: [String], context: CLIContext
    ) {
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
        case .cursor:
            writeError("Merge this into \(home)/.cursor/mcp.json, or run this command again with --install.\n")
        case .vscode:
            writeError(
                "Merge this into \(support)/Code/User/mcp.json (MCP: Open User Configuration), or run this command again with --install.\n"
            )
        case .claudeCode:
            let quoted = ShellQuoting.line([command] + arguments)
            writeError(
                "Claude Code keeps user-scoped servers in \(home)/.claude.json; add this one with:\nclaude mcp add --transport stdio --scope user orchestrator -- \(quoted)\n"
            )
        }
    }
}
