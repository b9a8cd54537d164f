internal import OrchestratorCore
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// `init [DIR]`: gives a folder (the working directory unless named) plans of its own: a
/// `.mcp-orchestrator/` folder, which wins for every server and command started in it or below.
struct InitCommand: CLICommand {
    let name = "init"
    let summary = "Give this folder (or DIR) plans of its own: a .mcp-orchestrator/ folder that wins."
    let usage = "init [DIR]"
    let details = """
        Makes DIR/.mcp-orchestrator/ (owner-only), whose state.json holds the plans of every server and command
        started in DIR or below, before the git repository's per-user file and the per-user default. Commit the
        folder to share the plans with the repository, or list it in .gitignore to keep them on this machine;
        the lock and temporary files inside are ignored by the .gitignore it holds. A worktree with its own
        .mcp-orchestrator/ gets its own plans; without one it shares the repository's.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let given: [String]
        do { given = try arguments.positionals(["DIR"], optional: 1) } catch { throw .usage(error.description) }
        let folder =
            given.first.map { $0.hasPrefix("/") ? $0 : context.workingDirectory + "/" + $0 } ?? context.workingDirectory
        guard ProjectProbe.live.isDirectory(folder) else { throw .refused("\(folder) is not a folder") }
        let project = folder + "/" + StateLocation.projectFolder
        if ProjectProbe.live.isDirectory(project) {
            context.writeOut("\(project) exists already: plans started in \(folder) or below are kept there.\n")
            return 0
        }
        do {
            try FileSystem.createDirectories(project)
            try FileSystem.replaceFile(project + "/.gitignore", with: Array("state.json.lock\n*.tmp\n".utf8))
        } catch {
            throw .io(error.description)
        }
        _ = chmod(project, 0o700)
        context.writeOut(
            """
            Made \(project): plans started in \(folder) or below are kept in \(project)/\(StateLocation.fileName).
            Commit the folder to share the plans with the repository, or add it to .gitignore to keep them here.

            """)
        return 0
    }
}

/// `projects`: the per-user project files (one per git repository), and the per-user default.
struct ProjectsCommand: CLICommand {
    let name = "projects"
    let summary = "List the per-user project files (one per git repository) with their counts."
    let usage = "projects"
    let details = """
        Each git repository without a .mcp-orchestrator/ folder keeps its plans in a file of its own in the per-user
        data folder, named after the repository. This lists them, the per-user default file, and which file this
        folder uses and why. Reads only.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        do { _ = try arguments.positionals([], optional: 0) } catch { throw .usage(error.description) }
        let here = try StateAccess(arguments, context: context)
        var lines = ["This folder uses \(here.path) (\(here.reason))."]
        guard let directory = StateLocation.projectsDirectory(environment: context.environment, home: context.home)
        else {
            context.writeOut(lines.joined(separator: "\n") + "\n")
            return 0
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? []
        var table = TerminalTable(header: ["project", "requests", "active", "tasks", "repository"])
        for name in names {
            let path = directory + "/" + name + "/" + StateLocation.fileName
            guard ProjectProbe.live.isFile(path) else { continue }
            table.rows.append(row(name, path: path, context: context))
        }
        if let userDefault = here.location.userDefault ?? (here.location.source == .platformDefault ? here.path : nil),
            ProjectProbe.live.isFile(userDefault)
        {
            table.rows.append(row("(per-user default)", path: userDefault, context: context, repository: "—"))
        }
        lines.append("")
        lines.append(
            table.rows.isEmpty
                ? "No project files yet in \(directory)."
                : table.render(colour: false, width: context.width, shrinking: 4, softMinimum: 24))
        if !table.rows.isEmpty {
            lines.append("Each project's file is \(directory)/PROJECT/\(StateLocation.fileName).")
        }
        context.writeOut(lines.joined(separator: "\n") + "\n")
        return 0
    }

    /// A file's counts and the repository it belongs to (as its record says, `~` for the home
    /// folder; files made before the record say so).
    private func row(_ name: String, path: String, context: CLIContext, repository: String? = nil) -> [TerminalTable
        .Cell]
    {
        let recorded =
            repository
            ?? (try? FileSystem.readRegularFile(StateLocation.repositoryRecord(of: path))).map {
                StateLocation.abbreviated(
                    String(decoding: $0, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "",
                    home: context.home)
            } ?? "(not recorded)"
        let orchestrator = context.orchestrator(StateLocation(path: path, source: .option))
        guard let state = try? orchestrator.read().state else {
            return [.init(name), .init("?"), .init("?"), .init("?"), .init(recorded + " (cannot be read)")]
        }
        let active = state.requests.filter { $0.status == .active }.count
        let tasks = state.requests.reduce(0) { $0 + $1.liveTaskCount }
        return [.init(name), .init("\(state.requests.count)"), .init("\(active)"), .init("\(tasks)"), .init(recorded)]
    }
}
