internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem
internal import OrchestratorWorkflows

#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// `workflows validate [DIR]`: every definition checked, problems with file:line, exit 1 on errors.
struct WorkflowsCommand: CLICommand {
    let name = "workflows"
    let summary = "Check workflow definitions: workflows validate [DIR]."
    let usage = "workflows validate [DIR]"
    let details = """
        Checks every workflow in DIR (else $MCP_ORCHESTRATOR_WORKFLOWS, else the per-user folder and the shipped
        workflows) and prints each error and warning as file:line. Exits 1 when any workflow has an error,
        0 when there are only warnings or none.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let words: [String]
        do { words = try arguments.positionals(["validate", "DIR"], optional: 1) } catch {
            throw .usage(error.description)
        }
        guard words[0] == "validate" else {
            throw .usage("the workflows command has one action, validate, not '\(words[0])'")
        }
        let sources = WorkflowSources.resolve(
            options: Array(words.dropFirst()), environment: context.environment,
            userData: PlatformDirectories.userData(environment: context.environment, home: context.home),
            shipped: ShippedWorkflows.locate(executablePath: context.executablePath),
            workingDirectory: context.workingDirectory)
        let present = sources.directories.filter { FileManager.default.fileExists(atPath: $0) }
        if sources.origin != .defaults, present.count < sources.directories.count {
            throw .io(
                "no such directory: \(sources.directories.filter { !present.contains($0) }.joined(separator: ", "))")
        }
        for path in present where !FileSystem.isDirectory(path) {
            throw .usage(
                "\(path) is a file; give the workflows directory (it holds one folder per workflow, each with index.md) or one workflow's folder"
            )
        }
        var workflows: [LoadedWorkflow] = []
        for path in present {
            if WorkflowSources.isOneWorkflow(path) {
                // One workflow's folder: checked as that workflow of its parent directory.
                let folder = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
                let parent = ProcessPaths.parent(of: folder)
                let name = String(folder.split(separator: "/").last ?? "")
                if let workflow = WorkflowLibrary(directories: [parent]).workflow(named: name) {
                    workflows.append(workflow)
                }
            } else {
                workflows += WorkflowLibrary(directories: [path]).workflows()
            }
        }
        if workflows.isEmpty, sources.origin != .defaults {
            throw .refused(
                "no workflow found in \(present.joined(separator: ", ")): a workflows directory holds one folder per workflow, each with index.md listing its steps"
            )
        }
        var lines: [String] = []
        var errors = 0
        var warnings = 0
        for workflow in workflows {
            errors += workflow.errors.count
            warnings += workflow.warnings.count
            let steps =
                workflow.definition.map { "\($0.steps.count) step\($0.steps.count == 1 ? "" : "s")" } ?? "not loadable"
            lines.append(
                "\(workflow.errors.isEmpty ? "ok  " : "FAIL") \(workflow.name) (\(steps)) in \(workflow.directory)")
            lines += workflow.diagnostics.map { "     \(workflow.directory)/\($0)" }
        }
        lines.append(
            "\(workflows.count) workflow\(workflows.count == 1 ? "" : "s") in \(present.joined(separator: ", ")): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."
        )
        context.writeOut(lines.joined(separator: "\n").showingControlCharacters() + "\n")
        return errors == 0 ? 0 : 1
    }
}
