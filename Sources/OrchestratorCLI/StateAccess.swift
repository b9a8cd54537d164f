internal import OrchestratorCore
internal import OrchestratorSystem

/// The state a command works on — `--state`, else `MCP_ORCHESTRATOR_STATE`, else the per-user
/// default, exactly as the server resolves it — reached through the core's use cases, under the same
/// lock and rules as the server, as the person.
struct StateAccess {
    let orchestrator: Orchestrator
    let path: String
    let context: CLIContext
    /// Where the file is and why, as found by the shared lookup.
    let location: StateLocation

    /// The archive beside the state file.
    var archivePath: String { StateLocation.archivePath(of: path) }

    /// Why this file, in words.
    var reason: String { location.reason(home: context.home) }

    init(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) {
        let location: StateLocation
        do {
            location = try StateLocation.resolve(
                option: arguments.options["--state"], environment: context.environment,
                workingDirectory: context.workingDirectory, homeDirectory: context.home)
        } catch {
            throw .usage(error.description)
        }
        do { try FileSystem.requireEnterable(location.directory) } catch { throw .io(error.description) }
        path = location.path
        self.location = location
        orchestrator = context.orchestrator(location)
        self.context = context
    }

    /// Whether the state is in the file at `path` (else in a database, `orchestrator.storedAt`).
    var isFile: Bool { orchestrator.storedAt == path }

    /// Where the state is, in words: the file, or the database and project.
    var place: String { isFile ? "state file \(path)" : "store \(orchestrator.storedAt)" }

    /// Whether the path holds a state file yet.
    var fileExists: Bool { orchestrator.hasState }

    /// Said instead of an empty store when the path holds no state file, so a mistyped `--state`
    /// never looks like lost plans.
    var noFileSentence: String {
        if !isFile {
            return
                "\(orchestrator.storedAt) holds no plans yet: nothing has been planned in this project (an agent's first change makes it). "
                + "Check --store, MCP_ORCHESTRATOR_STORE or MCP_ORCHESTRATOR_PROJECT if you expected plans here."
        }
        return
            "no state file at \(path) yet: nothing has been planned with this path (an agent's first change creates it). "
            + "Check --state or MCP_ORCHESTRATOR_STATE if you expected plans here."
    }

    /// The state as it is now, with expired leases shown as pending; never writes. A path without
    /// a state file is refused with `noFileSentence`.
    func read() throws(CLIFailure) -> (state: OrchestratorState, revision: Int) {
        guard fileExists else { throw .refused(noFileSentence) }
        do {
            let snapshot = try orchestrator.read()
            return (snapshot.state, snapshot.revision)
        } catch {
            throw .io(error.description)
        }
    }

    /// The archived requests (finished work moved out of the live file), each once.
    /// A task and its request, live or archived, or the refusal for an unknown id.
    func task(_ id: WorkTask.ID) throws(CLIFailure) -> (request: WorkRequest, task: WorkTask) {
        let (state, _) = try read()
        if let (requestIndex, taskIndex) = state.locate(id) {
            return (state.requests[requestIndex], state.requests[requestIndex].tasks[taskIndex])
        }
        if let found = try archived().first(where: { $0.request.taskIndex(id) != nil }),
            let index = found.request.taskIndex(id)
        {
            return (found.request, found.request.tasks[index])
        }
        throw .refused(RefusalAdvice.sentence(for: .taskNotFound(id, in: nil)))
    }

    func archived() throws(CLIFailure) -> [ArchivedRequest] {
        do { return try orchestrator.archived() } catch { throw .io(error.description) }
    }

    /// Runs a change use case and waits until it is durable; a refusal of the rules is exit status 1,
    /// a state file that cannot be used 74. A change to what is there (a decision) on a path without a
    /// state file is refused with `noFileSentence`, as every reading command is; only a change that
    /// brings plans of its own (an import) creates the file.
    func perform<Outcome>(
        creating: Bool = false, _ useCase: (Orchestrator) throws(ChangeFailure) -> Committed<Outcome>
    ) throws(CLIFailure) -> (outcome: Outcome, revision: Int) {
        guard creating || fileExists else { throw .refused(noFileSentence) }
        do {
            let committed = try useCase(orchestrator)
            return (try committed.durable(), committed.snapshot.revision)
        } catch let failure as ChangeFailure {
            switch failure {
            case .refused(let refusal): throw .refused(RefusalAdvice.sentence(for: refusal))
            case .persistence(let problem): throw .io(problem.description)
            }
        } catch let problem as PersistenceError {
            throw .io(problem.description)
        } catch {
            throw .io("\(error)")
        }
    }
}
