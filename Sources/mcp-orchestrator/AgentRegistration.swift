import OrchestratorMCP
import OrchestratorSystem

/// Registers the client that started this stdio server as an agent's session beside the state file
/// (`AgentSessions`), once the state file's folder exists.
///
/// With the state in a file, the folder is made by the first change, so a mistyped `--state` leaves
/// nothing behind. With the state in a database no change ever makes it, so it is made here: without
/// the registration, the person's commands could not tell an agent's process tree from the person.
final class AgentRegistration {
    private let sessions: AgentSessions
    private let directory: String
    private let makesDirectory: Bool
    private var done = false

    /// - Parameter makesDirectory: make the folder rather than wait for a change to make it (the
    ///   state is not in the file beside which sessions are registered).
    init(statePath: String, directory: String, makesDirectory: Bool = false) {
        sessions = AgentSessions(statePath: statePath)
        self.directory = directory
        self.makesDirectory = makesDirectory
    }

    /// Registers the parent process, once, when the folder is there; a failure is said once on stderr.
    func registerIfReady() {
        guard !done else { return }
        if makesDirectory, !FileSystem.isDirectory(directory) {
            do { try FileSystem.createDirectories(directory) } catch {
                done = true
                Diagnostics.writeStderr("mcp-orchestrator: warning: cannot register this agent's session: \(error)\n")
                return
            }
        }
        guard FileSystem.isDirectory(directory) else { return }
        done = true
        guard let me = ProcessRecord.current, me.parent > 1, let client = ProcessRecord.of(me.parent) else { return }
        do { try sessions.register(client: client, server: me) } catch {
            Diagnostics.writeStderr("mcp-orchestrator: warning: cannot register this agent's session: \(error)\n")
        }
    }
}
