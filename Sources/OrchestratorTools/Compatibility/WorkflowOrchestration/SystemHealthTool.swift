internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorSystem
internal import OrchestratorWorkflows

#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// workflow-orchestration's `get_system_health`: the state file, its lock, and the workflows loaded.
package struct SystemHealthTool: OrchestratorTool {
    package let name = "get_system_health"
    package let title = "Check the system's health"
    package let description =
        "State file (path, revision, problem), its lock file, and the workflows loaded with their errors. Read-only."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    package let inputSchema = ToolArguments.schema()
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "healthy": ["type": "boolean"],
            "state_file": ["type": "object"],
            "lock_file": ["type": "object"],
            "workflows": ["type": "object"],
        ],
        "required": ["healthy", "state_file", "lock_file", "workflows"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let condition = invocation.services.stateCondition
        let path = invocation.settings.stateLocation.path
        let lock = path + ".lock"
        let workflows = invocation.workflows.workflows()
        let broken = workflows.filter { $0.definition == nil }
        var state: [String: JSONValue] = ["path": .string(path)]
        state["revision"] = condition.revision.map(JSONValue.int)
        state["problem"] = condition.problem.map(JSONValue.string)
        if !condition.warnings.isEmpty { state["warnings"] = .array(condition.warnings.map { .string($0) }) }
        let healthy = condition.problem == nil && condition.warnings.isEmpty && broken.isEmpty
        var lines = [
            "\(healthy ? "Healthy" : "Needs attention"). State file \(path): "
                + (condition.problem ?? "revision \(condition.revision ?? 0)") + "."
        ]
        lines += condition.warnings.map { "- \($0)" }
        lines.append("Workflows: \(workflows.count - broken.count) valid, \(broken.count) with errors.")
        lines += broken.flatMap { $0.errors.map { "- \($0)" } }
        return .complete(
            ToolOutput(
                structured: [
                    "healthy": .bool(healthy),
                    "state_file": .object(state),
                    "lock_file": [
                        "path": .string(lock), "exists": .bool(FileManager.default.fileExists(atPath: lock)),
                    ],
                    "workflows": [
                        "loaded": .int(workflows.count - broken.count),
                        "directories": .array(invocation.workflows.directories.map(JSONValue.string)),
                        "errors": .array(broken.flatMap { $0.errors.map { .string($0.description) } }),
                    ],
                ],
                text: lines.joined(separator: "\n")))
    }
}
