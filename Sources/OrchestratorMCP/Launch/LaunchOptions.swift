package import OrchestratorCore

/// The launch options, as parsed from the command line (before any environment lookups).
package struct LaunchOptions: Equatable, Sendable {
    package var statePath: String?
    package var workflowDirectories: [String] = []
    package var toolsets: [Toolset] = [.server] + Toolset.defaultSelection
    package var approver: ApproverMode = .agent
    package var logLevel: LogLevel = .warning
    package var maximumLineBytes: Int = 4 * 1024 * 1024
    /// How long a task claimed by `get_next_task` stays with its holder.
    package var leaseMinutes: Int = 30
    /// How long a change waits for another process's lock on the state file.
    package var lockWaitSeconds: Double = 10

    package init() {}
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
