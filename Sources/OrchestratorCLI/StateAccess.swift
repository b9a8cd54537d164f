internal import OrchestratorCore
internal import OrchestratorStorage
internal import OrchestratorSystem

/// The state file a command works on — `--state`, else `MCP_ORCHESTRATOR_STATE`, else the per-user
/// default, exactly as the server resolves it — changed through the same store, lock and rules.
struct StateAccess {
    let store: StateStore
    let context: CLIContext

    init(_ arguments: CLIArguments, context: CLIContext) throws(CLIFailure) {
        do {
            let location = try StateLocation.resolve(
                option: arguments.options["--state"], environment: context.environment,
                workingDirectory: context.workingDirectory, homeDirectory: context.home)
            store = StateStore(location: location)
        } catch {
            throw .usage(error.description)
        }
        self.context = context
    }

    var path: String { store.location.path }

    /// Whether the path holds a state file yet.
    var fileExists: Bool { store.fileExists }

    /// Said instead of an empty store when the path holds no state file, so a mistyped `--state`
    /// never looks like lost plans.
    var noFileSentence: String {
        "no state file at \(path) yet: nothing has been planned with this path (an agent's first change creates it). "
            + "Check --state or MCP_ORCHESTRATOR_STATE if you expected plans here."
    }

    /// The state as it is now, with expired leases shown as pending; never writes. A path without
    /// a state file is refused with `noFileSentence`.
    func read() throws(CLIFailure) -> (state: OrchestratorState, revision: Int) {
        guard store.fileExists else { throw .refused(noFileSentence) }
        do {
            let snapshot = try store.read()
            var state = snapshot.state
            state.expireLeases(at: context.clock.now())
            return (state, snapshot.revision)
        } catch {
            throw .io(error.description)
        }
    }

    /// Applies a change under the lock, as the person; a refusal of the rules is exit status 1.
    func change<Outcome>(_ body: (inout OrchestratorState) throws(OrchestratorError) -> Outcome) throws(CLIFailure) -> (
        Outcome, StateSnapshot
    ) {
        let now = context.clock.now()
        do {
            return try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
                state.expireLeases(at: now)
                return try body(&state)
            }
        } catch {
            switch error {
            case .refused(let refusal): throw .refused("\(refusal) [\(refusal.code)]")
            case .storage(let problem): throw .io(problem.description)
            }
        }
    }
}
