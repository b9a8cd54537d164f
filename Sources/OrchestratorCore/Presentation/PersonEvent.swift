/// Something that now waits for the person, found by comparing the person's queue before and after
/// a change: what a notify command is told about.
package struct PersonEvent: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// A done task waits for the person's decision.
        case taskWaiting = "task_waiting"
        /// Every task of a request is approved: it waits to be closed.
        case requestReady = "request_ready"
        /// A required check failed and sent the work back to the agent: the person is not asked
        /// about it, only told.
        case workSentBack = "work_sent_back"
    }

    package let kind: Kind
    package let request: WorkRequest.ID
    package let requestText: String
    /// The task, for a task that waits.
    package let task: WorkTask?

    /// The task of `request` the project's checks just sent back, as it now is (with the feedback).
    package static func sentBack(_ task: WorkTask.ID, in state: OrchestratorState) -> PersonEvent? {
        guard let (requestIndex, taskIndex) = state.locate(task) else { return nil }
        let request = state.requests[requestIndex]
        return PersonEvent(
            kind: .workSentBack, request: request.id, requestText: request.originalRequest,
            task: request.tasks[taskIndex])
    }

    /// What waits for the person, as they are told of it: a done task only once its checks finished.
    package static func waiting(in state: OrchestratorState) -> [PersonQueue.Item] {
        PersonQueue.items(in: state.requests).filter { item in
            if case .decide(let task, _) = item { return task.checks?.isRunning != true }
            return true
        }
    }

    /// What waits after a change that did not wait before it, in the queue's order.
    package static func appeared(before: [PersonQueue.Item], after state: OrchestratorState) -> [PersonEvent] {
        let known = Set(before.map(\.key))
        return waiting(in: state).filter { !known.contains($0.key) }.map { item in
            switch item {
            case .decide(let task, let request):
                PersonEvent(kind: .taskWaiting, request: request.id, requestText: request.originalRequest, task: task)
            case .close(let request):
                PersonEvent(kind: .requestReady, request: request.id, requestText: request.originalRequest, task: nil)
            }
        }
    }
}

/// Told of what waits for the person after each change, once the change is on disk: the person's
/// notify command, for one. Implemented outside the core (it runs programs).
package protocol PersonEventObserver: Sendable {
    /// `events` appeared with a change whose durability is `durability`; never delays the change.
    func appeared(_ events: [PersonEvent], durability: Durability)
}

extension PersonQueue.Item {
    /// Tells items apart across two looks at the queue.
    var key: String {
        switch self {
        case .decide(let task, let request): "decide \(request.id.rawValue) \(task.id.rawValue)"
        case .close(let request): "close \(request.id.rawValue)"
        }
    }
}
