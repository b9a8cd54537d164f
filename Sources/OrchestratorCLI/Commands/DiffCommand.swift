internal import OrchestratorCore
internal import OrchestratorEvidence
internal import OrchestratorJSON
internal import OrchestratorSystem

/// `diff TASK_ID`: the change a task's last round made, as recorded when it was marked done, read
/// from the snapshots the server kept in the repository.
struct DiffCommand: CLICommand {
    let name = "diff"
    let summary = "Print the change a task made (its evidence), as a patch."
    let usage = "diff TASK_ID [--stat | --name-only] [--state PATH]"
    let details = """
        The server records what each task changes in the git working tree it runs in: a snapshot when the task
        is claimed and another when it is marked done. This prints the difference (renames found), coloured on a
        terminal; --stat prints the files with their lines, --name-only the paths. Reads only.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = ["--stat", "--name-only"]

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let ids: [String]
        do { ids = try arguments.positionals(["TASK_ID"]) } catch { throw .usage(error.description) }
        let access = try StateAccess(arguments, context: context)
        let (_, task) = try access.task(WorkTask.ID(ids[0]))
        guard let evidence = task.evidence else {
            throw .refused(
                "\(task.id) has no recorded change: it was not marked done by a server in a git working tree (or not yet)."
            )
        }
        if arguments.flags.contains("--name-only") {
            context.writeOut(evidence.files.map { $0.path + "\n" }.joined().showingControlCharacters())
            return 0
        }
        let format: EvidenceRecorder.PatchFormat =
            arguments.flags.contains("--stat") ? .stat : context.isTerminal ? .coloured : .plain
        switch EvidenceRecorder.patch(
            of: evidence, format: format, environment: context.environment, statePath: access.path)
        {
        case .success(let patch):
            // The patch is the files' own bytes: a terminal gets their controls pictured, a pipe gets them as they are.
            context.writeOut(context.isTerminal && format != .coloured ? patch.showingControlCharacters() : patch)
            return 0
        case .failure(let failure):
            throw .refused("The change of \(task.id) cannot be read: \(failure.description).")
        }
    }
}
