internal import OrchestratorCore
internal import OrchestratorMCP
internal import OrchestratorSystem
internal import OrchestratorTools

extension LaunchOptions {
    /// The options that take a value; `--workflows` may be repeated.
    package static let valuedOptions: Set<String> = [
        "--state", "--workflows", "--toolsets", "--approver", "--log-level", "--max-line-bytes", "--lease-minutes",
        "--lock-wait-seconds", "--http", "--tokens", "--allow-origin", "--allow-host", "--archive-after-days",
        "--notify-command", "--store",
    ]

    /// The options only `serve` takes.
    static let servingOptions: Set<String> = ["--http", "--tokens", "--allow-origin", "--allow-host"]

    /// Parses arguments (without the program name) with the executable's one tokeniser
    /// (`CommandLineArguments`, as every subcommand does), then checks each value in order.
    /// - Parameter serving: the arguments followed `serve`: Streamable HTTP, on 127.0.0.1:8113 unless
    ///   `--http` says otherwise.
    package static func parse(_ arguments: [String], serving: Bool = false) -> Result<LaunchCommand, LaunchError> {
        let tokens: CommandLineArguments
        do {
            tokens = try CommandLineArguments(arguments, valued: valuedOptions, flags: ["--help", "--version"])
        } catch {
            return .failure(LaunchError(message: error.description))
        }
        if tokens.flags.contains("--help") { return .success(.help) }
        if tokens.flags.contains("--version") { return .success(.version) }
        if let first = tokens.positionals.first {
            return .failure(LaunchError(message: "unexpected argument '\(first)'; the server takes options only"))
        }
        var options = LaunchOptions()
        if serving { options.http = .standard }
        if !serving, let name = tokens.allValues.map(\.name).first(where: servingOptions.contains) {
            return .failure(
                LaunchError(message: "\(name) belongs to `mcp-orchestrator serve`, the shared server over HTTP"))
        }
        for (name, text) in tokens.allValues {
            do throws(LaunchError) {
                try options.apply(name, text)
            } catch {
                return .failure(error)
            }
        }
        return .success(.serve(options))
    }

    /// Checks one option's value and records it.
    private mutating func apply(_ name: String, _ text: String) throws(LaunchError) {
        switch name {
        case "--state":
            statePath = text
        case "--store":
            guard text == "file" || ConnectionString.isPostgres(text) else {
                throw LaunchError(message: "--store takes file or a postgresql:// connection string")
            }
            store = text
        case "--workflows":
            workflowDirectories.append(text)
        case "--toolsets":
            switch Toolset.parseList(text) {
            case .success(let toolsets): self.toolsets = toolsets
            case .failure(let error): throw LaunchError(message: error.description)
            }
        case "--approver":
            guard let approver = ApproverMode(rawValue: text) else {
                throw LaunchError(message: "--approver takes agent or human, not '\(text)'")
            }
            self.approver = approver
        case "--log-level":
            guard let level = LogLevel(rawValue: text) else {
                throw LaunchError(message: "--log-level takes one of \(LogLevel.spellings), not '\(text)'")
            }
            logLevel = level
        case "--max-line-bytes":
            guard let bytes = Int(text), bytes >= 1024 else {
                throw LaunchError(
                    message: "--max-line-bytes takes a whole number of bytes, at least 1024, not '\(text)'")
            }
            maximumLineBytes = bytes
        case "--lease-minutes":
            guard let minutes = Int(text), (1...10_080).contains(minutes) else {
                throw LaunchError(
                    message: "--lease-minutes takes a whole number of minutes from 1 to 10080, not '\(text)'")
            }
            leaseMinutes = minutes
        case "--lock-wait-seconds":
            guard let seconds = Double(text), seconds >= 0.1, seconds <= 600 else {
                throw LaunchError(
                    message: "--lock-wait-seconds takes a number of seconds from 0.1 to 600, not '\(text)'")
            }
            lockWaitSeconds = seconds
        case "--archive-after-days":
            guard let days = Int(text), (1...36_500).contains(days) else {
                throw LaunchError(
                    message: "--archive-after-days takes a whole number of days from 1 to 36500, not '\(text)'")
            }
            archiveAfterDays = days
        case "--http":
            guard let address = HTTPAddress(text) else {
                throw LaunchError(message: "--http takes PORT or HOST:PORT (such as 127.0.0.1:8113), not '\(text)'")
            }
            http = address
        case "--tokens":
            tokensPath = text
        case "--notify-command":
            guard !text.allSatisfy(\.isWhitespace) else {
                throw LaunchError(message: "--notify-command takes a shell command, such as notify-send; it is empty")
            }
            notifyCommand = text
        case "--allow-origin":
            guard text.hasPrefix("http://") || text.hasPrefix("https://"), !text.hasSuffix("/") else {
                throw LaunchError(
                    message:
                        "--allow-origin takes an origin such as https://app.example (scheme and host, no path), not '\(text)'"
                )
            }
            allowedOrigins.append(text)
        case "--allow-host":
            guard !text.isEmpty, !text.contains("/"), !text.contains(" ") else {
                throw LaunchError(message: "--allow-host takes a host name such as orchestrator.example, not '\(text)'")
            }
            allowedHosts.append(text.lowercased())
        default:
            throw LaunchError(message: "unknown option '\(name)'")
        }
    }

    package static let usageLine =
        "usage: mcp-orchestrator [--state PATH] [--workflows DIR]... [--toolsets LIST] [--approver agent|human] [--lease-minutes N] [--lock-wait-seconds N] [--archive-after-days N] [--log-level LEVEL] [--max-line-bytes N] [--notify-command CMD]"

    /// `serve`'s own usage line, said when its options are wrong.
    package static let serveUsageLine =
        "usage: mcp-orchestrator serve [--http [HOST:]PORT] [--tokens FILE] [--allow-origin ORIGIN]... [--allow-host NAME]... [the stdio server's options: mcp-orchestrator --help]"

    /// The usage line of what was being started.
    package static func usageLine(serving: Bool) -> String { serving ? serveUsageLine : usageLine }

    package static var helpText: String {
        """
        mcp-orchestrator \(ProductInfo.version) — \(ProductInfo.summary)

        Started by an MCP client, it serves the Model Context Protocol on stdin/stdout.

        \(usageLine)

        Options:
          --state PATH          State file (default: $MCP_ORCHESTRATOR_STATE, else the nearest
                                .mcp-orchestrator/ folder, else the git repository's per-user file,
                                else ~/.local/share/mcp-orchestrator/state.json).
          --store URL           Keep the state in PostgreSQL instead of the file: a postgresql://
                                connection string (default: $MCP_ORCHESTRATOR_STORE, else the file).
                                libpq is loaded only then; the project is named as its file is.
          --workflows DIR       A folder of Markdown workflow definitions; repeat for several
                                (default: $MCP_ORCHESTRATOR_WORKFLOWS, else the per-user folder
                                ~/.local/share/mcp-orchestrator/workflows, then the shipped ones).
          --toolsets LIST       Comma-separated tool sets: \(Toolset.selectableNames.joined(separator: ", "))
                                (default: \(Toolset.defaultSelection.map(\.rawValue).joined(separator: ","))).
          --approver MODE       Who approves completed tasks: agent (default) or human.
          --lease-minutes N     How long a task handed out by get_next_task stays claimed before it
                                returns to pending (default: 30).
          --lock-wait-seconds N How long a change waits while another process holds the state file's
                                lock before it is refused with state_busy (default: 10).
          --archive-after-days N  Move finished requests to state.archive.jsonl this many days after
                                they end (default: 7).
          --log-level LEVEL     Least severity written to stderr and sent as log notifications until the
                                client sets its own: \(LogLevel.spellings) (default: warning).
          --max-line-bytes N    Largest accepted message in bytes (default: 4194304).
          --notify-command CMD  Run CMD (with sh -c) when something waits for the person: a done task
                                to decide, a request to close; and when a check sends work back.
                                The event is JSON on its stdin
                                (default: $MCP_ORCHESTRATOR_NOTIFY).
          -h, --help            Show this help.
          --version             Show the version.

        serve [--http [HOST:]PORT] [--tokens FILE] [--allow-origin ORIGIN]... [--allow-host NAME]... [options above]
                                The shared server over MCP's Streamable HTTP (default 127.0.0.1:8113).

        Diagnostics go to stderr; stdout carries only protocol messages.
        """
    }
}
