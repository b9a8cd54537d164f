internal import OrchestratorCore

/// A named group of tools that `--toolsets` turns on.
///
/// `server` (the `server_info` tool) is always on. The others are chosen at launch; `all` selects
/// every set. A set that no shipped tool belongs to yet simply contributes no tools.
package enum Toolset: String, CaseIterable, Sendable {
    /// Introspection: always enabled.
    case server
    /// Plans, tasks and approvals.
    case core
    /// Markdown workflow runs.
    case workflows
    /// mcp-taskmanager compatibility.
    case taskmanager
    /// orchestrator-server compatibility.
    case orchestratorServer = "orchestrator-server"
    /// mcp-task-orchestrator compatibility.
    case taskOrchestrator = "task-orchestrator"
    /// workflow-orchestration compatibility.
    case workflowOrchestration = "workflow-orchestration"

    /// The sets enabled when `--toolsets` is not given.
    package static let defaultSelection: [Toolset] = [.core, .workflows]

    /// The names a user may pass to `--toolsets` (every set but the always-on `server`, plus `all`).
    package static var selectableNames: [String] {
        allCases.filter { $0 != .server }.map(\.rawValue) + ["all"]
    }

    /// Parses a comma-separated `--toolsets` value into sets in canonical order, `server` included.
    package static func parseList(_ list: String) -> Swift.Result<[Toolset], ToolsetListError> {
        var chosen = Set<Toolset>([.server])
        let names = list.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingBlanks }
        for name in names {
            if name == "all" {
                chosen.formUnion(allCases)
            } else if let toolset = Toolset(rawValue: name), toolset != .server {
                chosen.insert(toolset)
            } else {
                return .failure(ToolsetListError(name: name))
            }
        }
        return .success(allCases.filter(chosen.contains))
    }
}

/// A `--toolsets` entry that names no tool set.
package struct ToolsetListError: Error, Equatable, CustomStringConvertible {
    package let name: String

    package var description: String {
        let shown = name.isEmpty ? "an empty name" : "'\(name)'"
        return "--toolsets: \(shown) is not a tool set; choose from \(Toolset.selectableNames.joined(separator: ", "))"
    }
}
