#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a command that decides for the person (`approve`, `reject`, `approve-request`, starting
/// the board, `serve` printing the board's token) runs where the person, not an agent, runs it.
///
/// An agent's shell runs inside its client's process tree or session, usually without a controlling
/// terminal. A command in a registered client's tree or session, or with no controlling terminal, is
/// refused. This stops an agent that runs the command it was told about; a process of the same OS
/// user that sets out to get around it can (a detached terminal, a deleted registry entry): the
/// threat model says so, and that agents under another OS user give the hard guarantee.
package enum PersonPresence: Sendable, Equatable {
    /// The person, at this terminal: "person at terminal /dev/pts/3 (ada)".
    case person(terminal: String, user: String?)
    /// Not the person, and why; each refusal adds where the person can do it instead.
    case absent(String)

    /// Where the person decides a task or a request instead, said at the end of those refusals.
    package static let elsewhere = "decide on the board, in the client's dialog, or from your own terminal"

    /// Checks this process against the sessions registered beside `statePath`.
    package static func check(statePath: String) -> PersonPresence {
        check(
            process: ProcessRecord.current, sessions: AgentSessions(statePath: statePath).entries(),
            terminal: controllingTerminal())
    }

    /// The rule, on the facts: this process, the registered clients, the controlling terminal's name.
    package static func check(process: ProcessRecord?, sessions: [AgentSessions.Entry], terminal: String?)
        -> PersonPresence
    {
        if let process {
            let lineage = [process] + process.ancestors
            for entry in sessions {
                let client = entry.client
                let inTree = lineage.contains { $0.pid == client.pid && $0.startTime == client.startTime }
                if inTree || (client.session > 0 && process.session == client.session) {
                    return .absent(
                        "this command runs inside \(client.name)'s session (pid \(client.pid)): an agent cannot decide for the person"
                    )
                }
            }
        }
        guard let terminal else {
            return .absent(
                "this command has no controlling terminal, as when an agent runs it: an agent cannot decide for the person"
            )
        }
        return .person(terminal: terminal, user: userName())
    }

    /// How history names the person: "person at terminal /dev/pts/3 (ada)".
    package var actor: String? {
        guard case .person(let terminal, let user) = self else { return nil }
        return "person at terminal \(terminal)" + (user.map { " (\($0))" } ?? "")
    }

    /// The controlling terminal's device path, or `nil` when the process has none.
    static func controllingTerminal() -> String? {
        let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        for candidate in [descriptor, 0, 1, 2] where isatty(candidate) == 1 {
            if let name = ttyname(candidate), let path = String(validatingCString: name), path != "/dev/tty" {
                return path
            }
        }
        return "/dev/tty"
    }

    /// The OS user's login name, from the user database (not the environment, which the caller sets).
    package static func userName() -> String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(validatingCString: name)
    }
}
