package import OrchestratorMCP
internal import OrchestratorWorkflows

/// The tools this program ships: the only list. `content(for:)` enables the sets chosen at launch
/// and binds them to the services; the server's `ToolCatalog` merges tools that share a name.
package enum ShippedTools {
    /// Every tool the program ships, in the order `tools/list` shows them.
    package static let all: [any OrchestratorTool] = [
        ServerInfoTool(),
        RequestPlanningTool(), GetNextTaskTool(), MarkTaskDoneTool(), ApproveTaskCompletionTool(), RejectTaskTool(),
        ApproveRequestCompletionTool(), AddTasksToRequestTool(), UpdateTaskTool(), DeleteTaskTool(), RestoreTaskTool(),
        OpenTaskDetailsTool(), ListRequestsTool(), SearchTasksTool(),
        ListWorkflowsTool(), StartWorkflowTool(), AdvanceWorkflowTool(), GetWorkflowStatusTool(), ResumeWorkflowTool(),
        CreateWorkflowTool(),
        // The board as an MCP App: called only by its page, listed only to clients that draw apps.
        BoardViewAppTool(), BoardDecideAppTool(),
        // orchestrator-server
        CreateTaskTool(), OrchestratorServerNextTaskTool(), CompleteTaskTool(), OrchestratorServerUpdateTaskTool(),
        OrchestratorServerDeleteTaskTool(), GetTaskStatusTool(), GetTaskDetailsTool(),
        // mcp-task-orchestrator
        InitializeSessionTool(), PlanTaskTool(), ExecuteSubtaskTool(), CompleteSubtaskTool(), SynthesizeResultsTool(),
        TaskOrchestratorStatusTool(),
        // workflow-orchestration (get_task_status above is shared with it)
        WorkflowOrchestrationCreateTool(), GetWorkflowTool(), WorkflowOrchestrationListTool(), ExecuteWorkflowTool(),
        ExecutionStatusTool(), ListPatternsTool(), ApplyPatternTool(), ValidatePatternApplicationTool(),
        DistributeTaskTool(),
        AggregateTaskResultsTool(), SystemHealthTool(), WorkflowMetricsTool(), ExportWorkflowDataTool(),
    ]

    /// The MCP Apps the program ships (`ui://`), offered only to clients that draw apps.
    package static let apps: [any MCPResource] = [BoardAppResource()]

    /// What a server offers over `services`: the tools of the enabled sets bound to them, the guide,
    /// the server's report, one resource and one prompt per workflow on disk, and the apps.
    /// - Parameter tools: the tools to choose from (tests hand in their own).
    package static func content(for services: ToolServices, tools: [any OrchestratorTool] = all) -> ServerContent {
        let enabled = Set(services.settings.toolsets)
        let library = services.workflows
        let fixed: [any MCPResource] = [
            GuideResource(settings: services.settings), ServerInfoResource(services: services),
        ]
        return ServerContent(
            tools: tools.filter { !enabled.isDisjoint(with: $0.toolsets) }.map {
                BoundTool(tool: $0, services: services)
            },
            resources: { fixed + library.workflows().map { WorkflowDefinitionResource(workflow: $0) } },
            templates: [WorkflowDefinitionTemplate(library: library)],
            prompts: {
                [GettingStartedPrompt(settings: services.settings)]
                    + library.workflows().map { WorkflowPrompt(workflow: $0, library: library) }
            },
            apps: apps)
    }
}
