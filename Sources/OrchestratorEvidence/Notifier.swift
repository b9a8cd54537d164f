package import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells the person when something waits for them: runs their notify command (`--notify-command`,
/// `MCP_ORCHESTRATOR_NOTIFY`) with the event as JSON on its standard input, once the change is on
/// disk. It never delays or fails a change: each delivery runs on a thread of its own, with a
/// timeout, and its failure is said on stderr. Only the process that made a change tells of it, so
/// every event is told once, however many servers share the state file.
package final class Notifier: PersonEventObserver {
    private let command: String
    private let environment: [String: String]
    private let statePath: String
    private let timeoutSeconds: Double
    private let deliveries = Locked(0)
    private let report: @Sendable (String) -> Void

    package init(
        command: String, environment: [String: String], statePath: String, timeoutSeconds: Double = 10,
        report: @escaping @Sendable (String) -> Void
    ) {
        self.command = command
        self.environment = environment
        self.statePath = statePath
        self.timeoutSeconds = timeoutSeconds
        self.report = report
    }

    /// Where a running board for this state file says it is (`board` writes `STATE.board`).
    package static func boardFile(for statePath: String) -> String { statePath + ".board" }

    package func appeared(_ events: [PersonEvent], durability: Durability) {
        deliveries.withLock { $0 += 1 }
        let started = DetachedThread.start { [self] in
            defer { deliveries.withLock { $0 -= 1 } }
            // A change that did not reach the disk is no news.
            guard durability.wait() == nil else { return }
            let board = Self.runningBoard(statePath)
            for event in events { deliver(event, board: board) }
        }
        if !started {
            deliveries.withLock { $0 -= 1 }
            report("no thread was left to run the notify command")
        }
    }

    /// Waits for the deliveries under way (a command that exits at once, after its change, still tells).
    package func finish() {
        while deliveries.withLock({ $0 }) > 0 { usleep(5_000) }
    }

    private func deliver(_ event: PersonEvent, board: String?) {
        let payload = JSONWriter.bytes(from: Self.json(event, board: board, statePath: statePath))
        do {
            let result = try ChildProcess(
                ["/bin/sh", "-c", command], environment: environment, directory: "/", timeoutSeconds: timeoutSeconds,
                outputLimit: 4096
            ).run(input: payload + [10])
            switch result.ending {
            case .exited(0): break
            case .timedOut: report("the notify command ran past \(Int(timeoutSeconds)) s and was stopped")
            default: report("the notify command failed (\(result.ending)): \(result.errorText.prefix(200))")
            }
        } catch {
            report("the notify command could not be started: \(error)")
        }
    }

    /// The event as the command reads it.
    static func json(_ event: PersonEvent, board: String?, statePath: String) -> JSONValue {
        var object: [String: JSONValue] = [
            "kind": .string(event.kind.rawValue), "stateFile": .string(statePath),
            "request": ["id": .string(event.request.rawValue), "text": .string(event.requestText)],
        ]
        if let task = event.task {
            var shown: [String: JSONValue] = ["id": .string(task.id.rawValue), "title": .string(task.title)]
            if let report = task.completedDetails {
                let lines = report.split(separator: "\n", omittingEmptySubsequences: false).prefix(5)
                shown["report"] = .string(String(lines.joined(separator: "\n").prefix(500)))
            }
            if let evidence = task.evidence {
                shown["change"] = ["summary": .string(evidence.summary), "files": evidence.filesJSON]
            }
            shown["checks"] = task.checks?.viewJSON
            if event.kind == .workSentBack { shown["feedback"] = task.feedback.map(JSONValue.string) }
            object["task"] = .object(shown)
        }
        object["board"] = board.map(JSONValue.string)
        return .object(object)
    }

    /// The address a board for this state file printed, while that board still runs.
    static func runningBoard(_ statePath: String) -> String? {
        guard let bytes = try? FileSystem.readRegularFile(boardFile(for: statePath)),
            let value = try? JSONParser.parse(bytes), let pid = value["pid"]?.intValue,
            let address = value["address"]?.stringValue, kill(pid_t(pid), 0) == 0
        else { return nil }
        return address
    }
}
