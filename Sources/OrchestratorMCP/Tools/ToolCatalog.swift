package import OrchestratorCore

/// The only list of tools: `tools/list` serialises it and `tools/call` looks names up in it.
package struct ToolCatalog: Sendable {
    /// Every tool the program ships, in the order `tools/list` shows them.
    package static let shipped: [any MCPTool] = [
        ServerInfoTool(),
        RequestPlanningTool(), GetNextTaskTool(), MarkTaskDoneTool(), ApproveTaskCompletionTool(), RejectTaskTool(),
        ApproveRequestCompletionTool(), AddTasksToRequestTool(), UpdateTaskTool(), DeleteTaskTool(), RestoreTaskTool(),
        OpenTaskDetailsTool(), ListRequestsTool(),
        ListWorkflowsTool(), StartWorkflowTool(), AdvanceWorkflowTool(), GetWorkflowStatusTool(), ResumeWorkflowTool(),
        CreateWorkflowTool(),
    ]

    /// The enabled tools, in catalog order.
    package let tools: [any MCPTool]
    private let byName: [String: any MCPTool]

    package init(enabling toolsets: [Toolset], from available: [any MCPTool] = ToolCatalog.shipped) {
        let enabled = Set(toolsets)
        tools = available.filter { enabled.contains($0.toolset) }
        byName = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package func tool(named name: String) -> (any MCPTool)? { byName[name] }
}
