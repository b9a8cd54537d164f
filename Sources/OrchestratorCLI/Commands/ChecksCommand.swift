internal import OrchestratorCore
internal import OrchestratorEvidence
internal import OrchestratorSystem

/// `checks [trust]`: the project's own checks (`.mcp-orchestrator/checks.json`), and the person's
/// consent to run them. A server runs a project's checks on work marked done only while the file is
/// exactly as the person trusted it.
struct ChecksCommand: CLICommand {
    let name = "checks"
    let summary = "Show the project's checks (.mcp-orchestrator/checks.json); `checks trust` lets them run."
    let usage = "checks [trust] [--dir DIR] [--state PATH]"
    let details = """
        A project declares checks in .mcp-orchestrator/checks.json at the top of its working tree (DIR, else this
        folder): {"checks": [{"name": "unit tests", "run": ["swift", "test"], "directory": ".",
        "timeoutSeconds": 600, "required": true}]}. When a task is marked done, the server runs them in the
        background; a required check that fails sends the work back before the person is asked. Running code from
        a repository needs the person's consent: `checks trust`, from the person's own terminal, records the file's
        SHA-256 for this user, and a file that changes afterwards is not run until it is trusted again.
        """
    let valuedOptions: Set<String> = ["--dir"]
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let words = arguments.positionals
        guard words.isEmpty || words == ["trust"] else { throw .usage("checks takes no word but trust") }
        let folder = arguments.options["--dir"] ?? context.workingDirectory
        let top = (try? Git.workTree(containing: folder, environment: context.environment).get())?.top ?? folder
        guard let loaded = ProjectChecks.load(top: top) else {
            throw .refused("\(ProjectChecks.file(in: top)) does not exist: this project declares no checks.")
        }
        let project: ProjectChecks
        switch loaded {
        case .success(let found): project = found
        case .failure(let problem): throw .refused(problem.description + ".")
        }
        guard
            let userData = PlatformDirectories.userData(
                environment: context.environment, home: context.environment["HOME"])
        else { throw .refused("No per-user data folder (HOME is not set), so no trust can be recorded.") }
        let trust = ChecksTrust(userData: userData)
        if words == ["trust"] {
            let access = try StateAccess(arguments, context: context)
            if case .absent(let reason) = context.presence(access.path) {
                throw .notThePerson(
                    "Letting a project's checks run is the person's decision, and \(reason); "
                        + "read \(project.path), then trust it from your own terminal.")
            }
            do { try trust.trust(project.path, digest: project.digest) } catch {
                throw .io("the trust could not be recorded in \(trust.store): \(error.description)")
            }
        }
        var lines = ["\(project.path) (SHA-256 \(project.digest.prefix(16))…)"]
        for check in project.checks {
            lines.append(
                "  \(check.required ? "required" : "advisory") \(check.name): \(ShellQuoting.line(check.run))"
                    + " (in \(check.directory), \(check.timeoutSeconds) s)")
        }
        lines.append(
            trust.trusts(project.path, digest: project.digest)
                ? "Trusted: servers run these checks on work marked done."
                : "Not trusted: servers do not run them. Read the file, then run `mcp-orchestrator checks trust` here.")
        context.writeOut(lines.joined(separator: "\n") + "\n")
        return 0
    }
}
