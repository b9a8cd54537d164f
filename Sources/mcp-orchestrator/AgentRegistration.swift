import OrchestratorMCP
import OrchestratorSystem

/// Registers the client that started this stdio server as an agent's session beside the state file
/// (`AgentSessions`), once the state file's folder exists.
final class AgentRegistration {
    private let sessions: AgentSessions
    private let directory: String
    private var done = false

    init(statePath: String, directory: String) {
        sessions = AgentSessions(statePath: statePath)
        self.directory = directory
    }

    /// Registers the parent process, once, when the folder is there; a failure is said once on stderr.
    func registerIfReady() {
        guard !done, FileSystem.isDirectory(directory) else { return }
        done = true
        guard let me = ProcessRecord.current, me.parent > 1, let client = ProcessRecord.of(me.parent) else { return }
        do { try sessions.register(client: client, server: me) } catch {
            Diagnostics.writeStderr("mcp-orchestrator: warning: cannot register this agent's session: \(error)\n")
        }
    }
}
