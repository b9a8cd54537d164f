/// One vocabulary of states for every view a person reads (the board, its graph, the command line
/// and the export): the words of `PersonQueue.statusWords`, and these shades. A done task that waits
/// for the person is "needs you" everywhere, never the plain colour of done.
package enum StatusPalette {
    package enum Shade: String, CaseIterable, Sendable {
        case pending
        case inProgress = "in_progress"
        case done, approved
        /// Done, and waiting for the person's decision.
        case needsYou = "needs"
    }

    /// How a task is shaded in its request.
    package static func shade(_ task: WorkTask, in request: WorkRequest) -> Shade {
        if PlanView.awaitsDecision(task.status, under: request.approvalPolicy) { return .needsYou }
        switch task.status {
        case .pending: return .pending
        case .inProgress: return .inProgress
        case .done: return .done
        case .approved: return .approved
        }
    }

    /// The shade as a page fills it.
    package static func fill(_ shade: Shade) -> String {
        switch shade {
        case .pending: "#e5e7eb"
        case .inProgress: "#fde68a"
        case .done: "#bae6fd"
        case .approved: "#bbf7d0"
        case .needsYou: "#fecaca"
        }
    }

    /// The shade as a terminal colours it (an SGR code): red for what needs the person.
    package static func terminal(_ shade: Shade) -> Int {
        switch shade {
        case .pending: 2
        case .inProgress: 33
        case .done: 36
        case .approved: 32
        case .needsYou: 31
        }
    }
}
