internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorStorage
internal import OrchestratorSystem

/// What every plan-and-task tool needs: who is acting, the time, and the store with its failures
/// turned into tool failures.
extension ToolInvocation {
    /// The history's "who": the `instanceId` argument, else the client's name, else "unknown client".
    var actor: String {
        if let instance = arguments["instanceId"]?.stringValue, !instance.isBlank { return instance }
        return context.clientInfo?.name ?? "unknown client"
    }

    var now: Timestamp { environment.configuration.clock.now() }

    var leaseSeconds: Int { environment.configuration.leaseSeconds }

    /// Applies a change under the file lock, after returning expired leases to pending.
    func change<Outcome>(
        _ body: (inout OrchestratorState) throws(OrchestratorError) -> Outcome
    ) throws(ToolFailure) -> (outcome: Outcome, state: OrchestratorState) {
        let now = self.now
        do {
            let (outcome, snapshot) = try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
                state.expireLeases(at: now)
                return try body(&state)
            }
            return (outcome, snapshot.state)
        } catch {
            switch error {
            case .refused(let refusal): throw ToolFailure(refusal)
            case .storage(let problem): throw ToolFailure(problem)
            }
        }
    }

    /// The current state for reading, with expired leases shown as pending. Never writes.
    func currentState() throws(ToolFailure) -> OrchestratorState {
        do {
            var state = try store.read().state
            state.expireLeases(at: now)
            return state
        } catch {
            throw ToolFailure(error)
        }
    }

    /// A required string argument (the input schema has already guaranteed it is there).
    func string(_ key: String) -> String { arguments[key]?.stringValue ?? "" }

    func optionalString(_ key: String) -> String? { arguments[key]?.stringValue }

    var requestID: WorkRequest.ID { WorkRequest.ID(string("requestId")) }

    var taskID: WorkTask.ID { WorkTask.ID(string("taskId")) }
}

extension ToolFailure {
    init(_ refusal: OrchestratorError) {
        self = .refused(code: refusal.code, message: refusal.description)
    }

    init(_ problem: StorageError) {
        self = .failed(code: problem.code, message: problem.description)
    }
}

extension OrchestratorState {
    /// The request a task belongs to, for tools that name only the task.
    func request(_ id: WorkRequest.ID) throws(ToolFailure) -> WorkRequest {
        guard let index = requestIndex(id) else { throw ToolFailure(OrchestratorError.requestNotFound(id)) }
        return requests[index]
    }
}
