internal import OrchestratorCore

extension LaunchOptions {
    /// Parses arguments (without the program name). Accepts `--name value` and `--name=value`.
    package static func parse(_ arguments: [String]) -> Result<LaunchCommand, LaunchError> {
        var options = LaunchOptions()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() -> Result<String, LaunchError> {
                if let inlineValue { return .success(inlineValue) }
                guard let next = remaining.popFirst(), !next.hasPrefix("--") else {
                    return .failure(LaunchError(message: "\(name) needs a value"))
                }
                return .success(next)
            }
            do {
                switch name {
                case "--help", "-h":
                    return .success(.help)
                case "--version":
                    return .success(.version)
                case "--state":
                    let path = try value().get()
                    guard !path.isEmpty else { throw LaunchError(message: "--state needs a non-empty path") }
                    options.statePath = path
                case "--workflows":
                    let directory = try value().get()
                    guard !directory.isEmpty else {
                        throw LaunchError(message: "--workflows needs a non-empty directory")
                    }
                    options.workflowDirectories.append(directory)
                case "--toolsets":
                    switch Toolset.parseList(try value().get()) {
                    case .success(let toolsets): options.toolsets = toolsets
                    case .failure(let error): throw LaunchError(message: error.description)
                    }
                case "--approver":
                    let text = try value().get()
                    guard let approver = ApproverMode(rawValue: text) else {
                        throw LaunchError(message: "--approver takes agent or human, not '\(text)'")
                    }
                    options.approver = approver
                case "--log-level":
                    let text = try value().get()
                    guard let level = LogLevel(rawValue: text) else {
                        throw LaunchError(message: "--log-level takes one of \(LogLevel.spellings), not '\(text)'")
                    }
                    options.logLevel = level
                case "--max-line-bytes":
                    let text = try value().get()
                    guard let bytes = Int(text), bytes >= 1024 else {
                        throw LaunchError(
                            message: "--max-line-bytes takes a whole number of bytes, at least 1024, not '\(text)'")
                    }
                    options.maximumLineBytes = bytes
                case "--lease-minutes":
                    let text = try value().get()
                    guard let minutes = Int(text), (1...10_080).contains(minutes) else {
                        throw LaunchError(
                            message: "--lease-minutes takes a whole number of minutes from 1 to 10080, not '\(text)'")
                    }
                    options.leaseMinutes = minutes
                case "--lock-wait-seconds":
                    let text = try value().get()
                    guard let seconds = Double(text), seconds >= 0.1, seconds <= 600 else {
                        throw LaunchError(
                            message: "--lock-wait-seconds takes a number of seconds from 0.1 to 600, not '\(text)'")
                    }
                    options.lockWaitSeconds = seconds
                default:
                    if name.hasPrefix("-") { throw LaunchError(message: "unknown option '\(name)'") }
                    throw LaunchError(message: "unexpected argument '\(argument)'; the server takes options only")
                }
            } catch let error as LaunchError {
                return .failure(error)
            } catch {
                return .failure(LaunchError(message: "\(error)"))
            }
        }
        return .success(.serve(options))
    }

    package static let usageLine =
        "usage: mcp-orchestrator [--state PATH] [--workflows DIR]... [--toolsets LIST] [--approver agent|human] [--lease-minutes N] [--lock-wait-seconds N] [--log-level LEVEL] [--max-line-bytes N]"

    package static var helpText: String {
        """
        mcp-orchestrator \(ProductInfo.version) — \(ProductInfo.summary)

        Started by an MCP client, it serves the Model Context Protocol on stdin/stdout.

        \(usageLine)

        Options:
          --state PATH          State file (default: $MCP_ORCHESTRATOR_STATE, else the per-user data
                                directory, e.g. ~/.local/share/mcp-orchestrator/state.json).
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
          --log-level LEVEL     Least severity written to stderr and sent as log notifications until the
                                client sets its own: \(LogLevel.spellings) (default: warning).
          --max-line-bytes N    Largest accepted message in bytes (default: 4194304).
          -h, --help            Show this help.
          --version             Show the version.

        Diagnostics go to stderr; stdout carries only protocol messages.
        """
    }
}
