import Foundation
import OrchestratorCLI
import OrchestratorCore
import OrchestratorStorage
import OrchestratorSystem

/// Runs subcommands in process over a temporary state file, capturing what they print.
final class CLIHarness: @unchecked Sendable {
    let statePath: String
    let clock: TestClock
    private(set) var out = ""
    private(set) var err = ""
    /// Whether the person runs the commands: at a terminal by default; `.absent` as where an agent runs them.
    var presence = PersonPresence.person(terminal: "/dev/pts/3", user: "ada")

    init(statePath: String = TemporaryDirectory.make() + "/state.json", clock: TestClock = TestClock()) {
        self.statePath = statePath
        self.clock = clock
    }

    /// Runs `arguments` (with `--state` added unless given); returns the exit status.
    @discardableResult
    func run(
        _ arguments: [String], terminal: Bool = false, width: Int? = nil,
        environment: [String: String] = ["USER": "ada", "HOME": "/home/ada"]
    ) -> Int32 {
        out = ""
        err = ""
        let withState =
            arguments.contains("--state") || arguments.contains("--help")
            ? arguments : arguments + ["--state", statePath]
        var context = CLIContext(
            environment: environment, workingDirectory: "/work", executablePath: "/opt/bin/mcp-orchestrator",
            clock: clock.wallClock,
            isTerminal: terminal, terminalWidth: width, writeOut: { self.out += $0 }, writeError: { self.err += $0 },
            orchestrator: { [clock] location in
                Orchestrator(
                    persistence: TestStore.persistence(at: location), clock: clock.wallClock,
                    leaseSeconds: Orchestrator.defaultLeaseSeconds, approver: .human)
            })
        let presence = presence
        context.presence = { _ in presence }
        return CommandLineInterface.run(withState, context: context)
    }
}
