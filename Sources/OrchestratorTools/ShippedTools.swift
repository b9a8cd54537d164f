package import OrchestratorMCP

/// The tools this program ships: the only list. `main` hands it to the server, whose `ToolCatalog`
/// enables the sets chosen at launch and merges tools that share a name.
package enum ShippedTools {
    /// Every tool the program ships, in the order `tools/list` shows them.
    package static let all: [any MCPTool] = [
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
}
