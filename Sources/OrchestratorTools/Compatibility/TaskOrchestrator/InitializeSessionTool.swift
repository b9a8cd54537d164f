internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// mcp-task-orchestrator's `orchestrator_initialize_session`: how to work, the specialists, and any
/// work an earlier session left in progress.
package struct InitializeSessionTool: OrchestratorTool {
    package let name = "orchestrator_initialize_session"
    package let title = "Start an orchestration session"
    package let description =
        "Guidance for planning with specialists, the roles available, and any interrupted work to resume."
    package let toolset = Toolset.taskOrchestrator
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let workingDirectory = Argument.optionalString("working_directory", ["type": "string"])
    }
    package let inputSchema = ToolArguments.schema(Arguments.workingDirectory)
    /// The tool's result fields.
    enum Fields {
        static let sessionInitialized = Field.flag("session_initialized", required: true)
        static let guidance = Field.string("guidance", required: true)
        static let specialistRoles = Field.value("specialist_roles", ["type": "object"], required: true)
        static let interruptedTasks = Field.list(
            "interrupted_tasks", of: TaskOrchestratorView.subtaskSchema, required: true)
        static let runningWorkflows = Field.strings("running_workflows", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        Fields.sessionInitialized, Fields.guidance, Fields.specialistRoles, Fields.interruptedTasks,
        Fields.runningWorkflows)

    static let guidance = """
        Break the request into subtasks, each for one specialist, and call orchestrator_plan_task with them as \
        subtasks_json (dependencies by title). Then for each subtask: orchestrator_execute_subtask (you get the \
        specialist's guidance and the results it depends on), do the work, and orchestrator_complete_subtask with \
        the results. Finish with orchestrator_synthesize_results.
        """

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let state = try invocation.currentState()
        let roles = invocation.workflows.roles()
        let interrupted = state.requests.filter { $0.status == .active && $0.workflowRun == nil }
            .flatMap { $0.liveTasks.filter { $0.status == .inProgress } }
        let runs = state.runs.filter { $0.status == .running }
        var lines = [Self.guidance, "", "Specialists: \(roles.map(\.name).joined(separator: ", "))."]
        if !interrupted.isEmpty {
            lines += [
                "",
                "Interrupted work (in progress): "
                    + interrupted.map { "\($0.id) \($0.title)\($0.assignee.map { " (\($0))" } ?? "")" }.joined(
                        separator: "; "),
            ]
        }
        if !runs.isEmpty {
            lines += [
                "",
                "Running workflows: "
                    + runs.map { "\($0.id) (\($0.workflow), on \($0.currentStep ?? "?"))" }.joined(separator: "; "),
            ]
        }
        return .complete(
            ToolOutput(
                fields: [
                    Fields.sessionInitialized(true), Fields.guidance(Self.guidance),
                    Fields.specialistRoles(
                        .object(
                            Dictionary(
                                roles.map { ($0.name, JSONValue.string($0.title)) }, uniquingKeysWith: { a, _ in a }))),
                    Fields.interruptedTasks(interrupted.map(TaskOrchestratorView.subtask)),
                    Fields.runningWorkflows(runs.map(\.id.rawValue)),
                ],
                text: lines.joined(separator: "\n")))
    }
}
