internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// mcp-task-orchestrator's `orchestrator_execute_subtask`: claims the subtask and returns it with
/// its specialist's guidance and the results of the subtasks it depends on.
package struct ExecuteSubtaskTool: OrchestratorTool {
    package let name = "orchestrator_execute_subtask"
    package let title = "Start a subtask"
    package let description =
        "Claim a subtask; returns it with its specialist's guidance and the results it depends on."
    package let toolset = Toolset.taskOrchestrator
    package let roles: [ToolRole] = [.claim]
    package let annotations = ToolAnnotations.change
    package let inputSchema = ToolArguments.schema(CommonArguments.compatTaskID)
    /// The tool's own result fields.
    enum Fields {
        static let specialistGuidance = Field.string("specialist_guidance", required: true)
        static let dependencyResults = Field.value("dependency_results", ["type": "object"], required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        TaskOrchestratorView.subtaskField, TaskOrchestratorView.parentTaskID, Fields.specialistGuidance,
        Fields.dependencyResults)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let id = invocation.compatTaskID
        let holder = invocation.actor
        let (requestID, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.claim(id, in: nil, holder: holder)
        }
        let (request, task) = try invocation.locateTask(id, in: state)
        let role = task.role.flatMap(invocation.workflows.role(named:))
        let guidance =
            role?.guidance
            ?? "Work on this as a \(task.role ?? "generalist") would: do exactly what the description asks, and report what you did."
        var inputs: [String: JSONValue] = [:]
        for dependency in task.dependsOn {
            if let found = request.tasks.first(where: { $0.id == dependency }), let results = found.completedDetails {
                inputs[dependency.rawValue] = .string(results)
            }
        }
        var lines = [
            "Subtask \(id) of \(requestID) is yours: \(task.title)", "", task.description, "",
            "## Specialist: \(task.role ?? "none")", "", guidance,
        ]
        for (dependency, results) in inputs.sorted(by: { $0.key < $1.key }) {
            lines += ["", "Result of \(dependency): \(results.stringValue ?? "")"]
        }
        lines += ["", "When finished, call orchestrator_complete_subtask with task_id \(id), results and next_action."]
        return .complete(
            ToolOutput(
                fields: [
                    TaskOrchestratorView.subtaskField(TaskOrchestratorView.subtask(task)),
                    TaskOrchestratorView.parentTaskID(requestID.rawValue), Fields.specialistGuidance(guidance),
                    Fields.dependencyResults(.object(inputs)),
                ],
                text: lines.joined(separator: "\n")))
    }
}
