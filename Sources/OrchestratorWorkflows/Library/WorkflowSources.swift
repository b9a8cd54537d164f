internal import OrchestratorSystem

/// Which directories definitions come from: `--workflows DIR` (repeatable), else
/// `MCP_ORCHESTRATOR_WORKFLOWS` (a `:`-separated list), else the per-user workflows folder followed
/// by the workflows shipped with the program. Roles always fall back to the shipped ones.
package struct WorkflowSources: Sendable, Equatable {
    package enum Origin: String, Sendable {
        case option = "--workflows"
        case environment = "MCP_ORCHESTRATOR_WORKFLOWS"
        case defaults = "default"
    }

    package let directories: [String]
    package let roleDirectories: [String]
    package let origin: Origin

    package init(directories: [String], roleDirectories: [String], origin: Origin) {
        self.directories = directories
        self.roleDirectories = roleDirectories
        self.origin = origin
    }

    /// - Parameters:
    ///   - userData: the per-user data directory (`~/.local/share`), for `mcp-orchestrator/workflows`.
    ///   - shipped: the program's own `workflows` folder, if it was found.
    package static func resolve(
        options: [String], environment: [String: String], userData: String?, shipped: String?, workingDirectory: String
    ) -> WorkflowSources {
        func absolute(_ path: String) -> String {
            let expanded = ProcessPaths.expandingTilde(path, home: ProcessPaths.home(environment: environment))
            return expanded.hasPrefix("/") ? expanded : "\(workingDirectory)/\(expanded)"
        }
        let shippedList = shipped.map { [$0] } ?? []
        if !options.isEmpty {
            let directories = options.map(absolute)
            return WorkflowSources(
                directories: directories, roleDirectories: directories + shippedList, origin: .option)
        }
        if let list = environment["MCP_ORCHESTRATOR_WORKFLOWS"], !list.isEmpty {
            let directories = list.split(separator: ":").map { absolute(String($0)) }
            return WorkflowSources(
                directories: directories, roleDirectories: directories + shippedList, origin: .environment)
        }
        let directories = (userData.map { ["\($0)/mcp-orchestrator/workflows"] } ?? []) + shippedList
        return WorkflowSources(directories: directories, roleDirectories: directories, origin: .defaults)
    }

    /// Whether `path` is one workflow's folder (it holds `index.md` or `steps/`) rather than a
    /// workflows directory, which holds such folders: an easy mistake with `--workflows`.
    package static func isOneWorkflow(_ path: String) -> Bool {
        FileStamp.of("\(path)/index.md") != nil || FileStamp.of("\(path)/steps") != nil
    }

    /// The warning for a configured directory that is one workflow's folder, or `nil`.
    package static func misplacedWarning(_ directory: String) -> String? {
        guard isOneWorkflow(directory) else { return nil }
        return
            "workflows directory \(directory) is one workflow's folder (it has index.md or steps/), so no workflow is found in it; "
            + "name the directory that holds it instead: --workflows \(ProcessPaths.parent(of: directory))"
    }
}
