package import OrchestratorCore
package import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// What a command may use from the world: its environment, its output streams and the clock.
/// Tests give it their own; the program gives it the process's.
package struct CLIContext {
    package var environment: [String: String]
    package var workingDirectory: String
    package var executablePath: String
    package var clock: WallClock
    /// Whether standard output is a terminal (colour only then).
    package var isTerminal: Bool
    /// The terminal's width in columns, when standard output is one.
    package var terminalWidth: Int?
    package var writeOut: (String) -> Void
    package var writeError: (String) -> Void
    /// The orchestrator over the state at a location, built by `main` (the composition root) over
    /// the JSON file store: the command line reaches the state only through the core's use cases.
    package var orchestrator: (StateLocation) -> Orchestrator
    /// The hub that says the state at a location changed (the board's streams): the file's watcher,
    /// or the database's notifications when `main` wires a PostgreSQL store.
    package var changes: (StateLocation) -> StateChanges = { StateChanges(watching: $0.path) }
    /// A store to move plans from or into (`migrate`): a state file's path or a `postgresql://`
    /// connection string, with the project named (or `nil`) and the location the project's name
    /// comes from. `main` wires both stores; nothing else may open one.
    package var transferStore: (String, String?, StateLocation) throws(PersistenceError) -> any StateTransfer = {
        spec, _, _ throws(PersistenceError) in
        throw PersistenceError(code: "store_unavailable", description: "no store can be opened at \(spec) here")
    }
    /// How long finished work stays in the live file by default, in days (`main` wires the store's).
    package var retentionDays: Int?
    /// Where plans made before per-project files are, while a project's file is new (`main` wires the store's answer).
    package var olderPlans: (StateLocation) -> String? = { _ in nil }
    /// Whether the person runs this command, for the state file at a path: the process tree, the
    /// registered agents' sessions and the controlling terminal in the program; a fixed answer in
    /// tests that run commands in their own process.
    package var presence: (String) -> PersonPresence = { PersonPresence.check(statePath: $0) }

    package init(
        environment: [String: String], workingDirectory: String, executablePath: String, clock: WallClock = .system,
        isTerminal: Bool = false, terminalWidth: Int? = nil, writeOut: @escaping (String) -> Void,
        writeError: @escaping (String) -> Void, orchestrator: @escaping (StateLocation) -> Orchestrator
    ) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.executablePath = executablePath
        self.clock = clock
        self.isTerminal = isTerminal
        self.terminalWidth = terminalWidth
        self.writeOut = writeOut
        self.writeError = writeError
        self.orchestrator = orchestrator
    }

    /// The running process's context.
    package static func live(
        executablePath: String, orchestrator: @escaping (StateLocation) -> Orchestrator
    ) -> CLIContext {
        CLIContext(
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            executablePath: executablePath,
            isTerminal: isatty(1) == 1,
            terminalWidth: Self.width(of: 1),
            writeOut: { writeAll(1, $0) },
            writeError: { writeAll(2, $0) }, orchestrator: orchestrator)
    }

    var home: String? { ProcessPaths.home(environment: environment) }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    var usesColour: Bool { isTerminal && (environment["NO_COLOR"] ?? "").isEmpty }

    /// How wide output may be: the terminal's width, else `COLUMNS`, else unlimited (a pipe keeps
    /// whole titles).
    var width: Int? { terminalWidth ?? environment["COLUMNS"].flatMap(Int.init) }

    /// The columns of the terminal on `descriptor`, or `nil` when it is none.
    private static func width(of descriptor: Int32) -> Int? {
        guard isatty(descriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Who decides for a request through this command: the person at their terminal, or, where an
    /// agent could be running it, not the person. A request the person approves refuses the latter
    /// with the reason (exit 77); for one an agent approves it is recorded as before.
    func decider(for request: WorkRequest.ID, in access: StateAccess) throws(CLIFailure) -> Decider {
        guard access.fileExists else { throw .refused(access.noFileSentence) }
        let presence = presence(access.path)
        if let person = presence.actor { return .person(person) }
        if case .absent(let reason) = presence, access.fileExists, let state = try? access.read().state,
            let index = state.requestIndex(request), state.requests[index].approver == .human
        {
            throw .notThePerson(
                "\(request) waits for the person's decision, and \(reason); \(PersonPresence.elsewhere).")
        }
        return .agent(actor)
    }

    /// Who decides on a board this command starts (`BoardTokenHolder`), from what waits for the
    /// person in the state file.
    func boardDecider(_ access: StateAccess) throws(CLIFailure) -> (decider: Decider, note: String?) {
        let waiting = access.fileExists ? BoardTokenHolder.waiting(in: try access.read().state) : nil
        let user = PersonPresence.userName() ?? environment["USER"] ?? environment["LOGNAME"]
        switch BoardTokenHolder.decide(presence: presence(access.path), personWaits: waiting, user: user) {
        case .decides(let decider, let note): return (decider, note.map { "note: \($0)." })
        case .refused(let reason): throw .notThePerson(reason + "; start the board from your own terminal.")
        }
    }

    /// Who decided, in history, when the command runs where the person may not be (no terminal, or
    /// inside an agent's session): `via command line (USER)`, accepted only by plans an agent approves.
    var actor: String {
        let user = PersonPresence.userName() ?? environment["USER"] ?? environment["LOGNAME"]
        return "via command line" + (user.map { " (\($0))" } ?? "")
    }
}

/// Writes all of `text` to a descriptor, retrying short writes and interruptions.
private func writeAll(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        bytes = bytes.dropFirst(written)
    }
}
