/// The project's own checks (`.mcp-orchestrator/checks.json`) run on a round of a task's work once it
/// is marked done: each check's status, how long it ran and the tail of what it printed; or why none
/// ran (the file is not trusted, or cannot be read).
package struct TaskChecks: Sendable, Equatable {
    package enum Status: String, CaseIterable, Sendable {
        case running, passed, failed
        case timedOut = "timed_out"
        /// The server running it stopped first; the next server that finds it runs it again.
        case interrupted
    }

    /// One check's run.
    package struct Run: Sendable, Equatable {
        package let name: String
        /// A failing required check sends the work back; an advisory one is only shown.
        package let required: Bool
        package var status: Status
        package var exitStatus: Int?
        package var milliseconds: Int?
        /// The last lines of what it printed (the whole log is kept beside the state file).
        package var tail: String?

        package init(
            name: String, required: Bool, status: Status, exitStatus: Int? = nil, milliseconds: Int? = nil,
            tail: String? = nil
        ) {
            self.name = name
            self.required = required
            self.status = status
            self.exitStatus = exitStatus
            self.milliseconds = milliseconds
            self.tail = tail
        }
    }

    package let round: Int
    package var runs: [Run]
    /// Why no check ran, in a sentence; `nil` when they run.
    package var note: String?
    /// The process running them (`pid:start`), so another can tell when it stopped before they ended.
    package var runner: String?

    package init(round: Int, runs: [Run], note: String? = nil, runner: String? = nil) {
        self.round = round
        self.runs = runs
        self.note = note
        self.runner = runner
    }

    /// Some check still runs: the person's gate waits for them.
    package var isRunning: Bool { runs.contains { $0.status == .running } }

    /// The required checks that did not pass.
    package var failedRequired: [Run] {
        runs.filter { $0.required && [.failed, .timedOut].contains($0.status) }
    }

    /// "2 passed, 1 failed", "running", or the note.
    package var summary: String {
        if let note { return note }
        if isRunning { return "running: " + runs.filter { $0.status == .running }.map(\.name).joined(separator: ", ") }
        let counts = Status.allCases.compactMap { status -> String? in
            let count = runs.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue.replacing("_", with: " "))"
        }
        return counts.isEmpty ? "no checks" : counts.joined(separator: ", ")
    }
}
