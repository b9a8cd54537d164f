internal import OrchestratorCore
internal import OrchestratorSystem

/// `migrate --from FILE|URL --to FILE|URL`: moves every plan, with the archive, between the state
/// file and a PostgreSQL database, either way.
struct MigrateCommand: CLICommand {
    let name = "migrate"
    let summary = "Copy every plan and the archive between the state file and PostgreSQL, either way."
    let usage = "migrate --from FILE|URL --to FILE|URL [--project NAME]"
    let details = """
        Each side is a state file's path or a postgresql:// connection string. Everything is copied in one
        step: requests with their tasks and history, workflow runs, the id counters (ids are never reused),
        the revision and the archive; the copy is read back and compared before the command says it is
        done, and the source is left as it was. The target must be empty: a state file that does not exist
        yet, or a project the database holds nothing for. In a database the project is named as the
        servers name it (the project folder or git repository this runs in, else "default"); --project
        names it outright. Stop the servers on the source first, then start them with --store (or
        MCP_ORCHESTRATOR_STORE) pointing at the target.
        """
    let valuedOptions: Set<String> = ["--from", "--to", "--project"]
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        do { _ = try arguments.positionals([], optional: 0) } catch { throw .usage(error.description) }
        guard let from = arguments.options["--from"], !from.isEmpty else {
            throw .usage("--from is required: the state file's path or a postgresql:// connection string")
        }
        guard let to = arguments.options["--to"], !to.isEmpty else {
            throw .usage("--to is required: a state file's path or a postgresql:// connection string")
        }
        guard from != to else { throw .usage("--from and --to name the same store") }
        let location: StateLocation
        do {
            location = try StateLocation.resolve(
                option: nil, environment: context.environment, workingDirectory: context.workingDirectory,
                homeDirectory: context.home)
        } catch {
            throw .usage(error.description)
        }
        let project = arguments.options["--project"]
        let source: any StateTransfer
        let target: any StateTransfer
        do {
            source = try context.transferStore(from, project, location)
            target = try context.transferStore(to, project, location)
        } catch {
            throw .io(error.description)
        }
        let orchestrator = Orchestrator(
            persistence: source, clock: context.clock, leaseSeconds: Orchestrator.defaultLeaseSeconds,
            approver: .human)
        guard orchestrator.hasState else { throw .refused("\(source.storedAt) holds nothing to move") }
        let report: TransferReport
        do { report = try orchestrator.copyEverything(into: target) } catch {
            throw error.code == "transfer_target_not_empty" ? .refused(error.description) : .io(error.description)
        }
        context.writeOut(
            "Moved \(report.requests) request\(report.requests == 1 ? "" : "s") (\(report.tasks) tasks, \(report.runs) workflow runs) and \(report.archived) archived from \(source.storedAt) to \(target.storedAt), at revision \(report.revision); read back and compared. The source is unchanged.\n"
        )
        return 0
    }
}
