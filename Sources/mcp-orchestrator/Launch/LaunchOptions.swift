package import OrchestratorCore
package import OrchestratorMCP
package import OrchestratorTools

/// The launch options, as parsed from the command line (before any environment lookups).
package struct LaunchOptions: Equatable, Sendable {
    package var statePath: String?
    /// Where the state lives when not in the file: a `postgresql://` connection string (`--store`;
    /// else `MCP_ORCHESTRATOR_STORE`). Never printed: it may hold a password.
    package var store: String?
    package var workflowDirectories: [String] = []
    package var toolsets: [Toolset] = [.server] + Toolset.defaultSelection
    package var approver: ApproverMode = .agent
    package var logLevel: LogLevel = .warning
    package var maximumLineBytes: Int = 4 * 1024 * 1024
    /// How long a task claimed by `get_next_task` stays with its holder.
    package var leaseMinutes: Int = 30
    /// How long a change waits for another process's lock on the state file.
    package var lockWaitSeconds: Double = 10
    /// Days after which finished requests move to the archive (`--archive-after-days`).
    package var archiveAfterDays: Int = 7
    /// `serve`: where Streamable HTTP listens (`--http [HOST:]PORT`); `nil` serves stdio.
    package var http: HTTPAddress?
    /// `serve`: the owner-only file of bearer tokens (`--tokens`).
    package var tokensPath: String?
    /// `serve`: browser origins allowed to call (`--allow-origin`, repeatable).
    package var allowedOrigins: [String] = []
    /// `serve`: the names the Host header may carry when bound beyond loopback (`--allow-host`,
    /// repeatable); on loopback only the loopback names are accepted.
    package var allowedHosts: [String] = []
    /// A command told, with the event as JSON on its standard input, when something waits for the
    /// person (`--notify-command`; else `MCP_ORCHESTRATOR_NOTIFY`).
    package var notifyCommand: String?

    package init() {}
}

/// Where the shared server listens: `127.0.0.1:8113` unless told otherwise.
package struct HTTPAddress: Equatable, Sendable {
    package var host: String
    package var port: Int

    /// The port the workflow-orchestration design named.
    package static let standard = HTTPAddress(host: "127.0.0.1", port: 8113)

    package init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `PORT`, `HOST:PORT` or `[IPv6]:PORT`.
    package init?(_ text: String) {
        var host = "127.0.0.1"
        var portText = text
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = String(text[close...].dropFirst().drop { $0 == ":" })
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = String(text[text.index(after: colon)...])
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else { return nil }
        self.host = host == "localhost" ? "127.0.0.1" : host
        self.port = port
    }

    /// Whether only this machine can reach it.
    package var isLoopback: Bool { host == "127.0.0.1" || host == "::1" || host.hasPrefix("127.") }
}

/// What the command line asks for.
package enum LaunchCommand: Equatable, Sendable {
    case serve(LaunchOptions)
    case help
    case version
}

/// A command line we cannot act on; the message names the option and what it takes.
package struct LaunchError: Error, Equatable, CustomStringConvertible {
    package let message: String

    package init(message: String) { self.message = message }

    package var description: String { message }
}
