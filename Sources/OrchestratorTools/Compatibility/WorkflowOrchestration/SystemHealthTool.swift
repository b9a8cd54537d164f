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
    /// The state file's fields.
    enum StateFile {
        static let path = Field.string("path", required: true)
        static let revision = Field.integer("revision")
        static let problem = Field.string("problem")
        static let warnings = Field.strings("warnings")
        static let schema = ResultFields.schema(path, revision, problem, warnings)
    }

    /// The lock file's fields.
    enum LockFile {
        static let path = Field.string("path", required: true)
        static let exists = Field.flag("exists", required: true)
        static let schema = ResultFields.schema(path, exists)
    }

    /// The workflows' fields.
    enum Workflows {
        static let loaded = Field.integer("loaded", required: true)
        static let directories = Field.strings("directories", required: true)
        static let errors = Field.strings("errors", required: true)
        static let schema = ResultFields.schema(loaded, directories, errors)
    }

    /// The tool's result fields.
    enum Fields {
        static let healthy = Field.flag("healthy", required: true)
        static let stateFile = Field.value("state_file", StateFile.schema, required: true)
        static let lockFile = Field.value("lock_file", LockFile.schema, required: true)
        static let workflows = Field.value("workflows", Workflows.schema, required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.healthy, Fields.stateFile, Fields.lockFile, Fields.workflows)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let condition = invocation.services.stateCondition
        let path = invocation.settings.stateLocation.path
        let lock = path + ".lock"
        let workflows = invocation.workflows.workflows()
        let broken = workflows.filter { $0.definition == nil }
        let state = ResultFields.object([
            StateFile.path(path), StateFile.revision(ifAny: condition.revision),
            StateFile.problem(ifAny: condition.problem),
            StateFile.warnings(ifAny: condition.warnings.isEmpty ? nil : condition.warnings),
        ])
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
                fields: [
                    Fields.healthy(healthy), Fields.stateFile(state),
                    Fields.lockFile(
                        ResultFields.object([
                            LockFile.path(lock), LockFile.exists(FileManager.default.fileExists(atPath: lock)),
                        ])),
                    Fields.workflows(
                        ResultFields.object([
                            Workflows.loaded(workflows.count - broken.count),
                            Workflows.directories(invocation.workflows.directories),
                            Workflows.errors(broken.flatMap { $0.errors.map(\.description) }),
                        ])),
                ],
                text: lines.joined(separator: "\n")))
    }
}
