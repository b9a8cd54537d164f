internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `request_planning`: registers a user's request and its plan of tasks (mcp-taskmanager's name and arguments).
package struct RequestPlanningTool: OrchestratorTool {
    package let name = "request_planning"
    package let title = "Plan a request"
    package let description = """
        Plan a user request as tasks (dependsOn, priority, role). approvalPolicy: each (default; approve each done \
        task before the next), end (all before completion) or auto. Then call get_next_task.
        """
    package let toolset = Toolset.core
    package let roles: [ToolRole] = [.planWork]
    package let taskmanagerStatus: String? = "planned"
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let originalRequest = Argument.string(
            "originalRequest", Argument.text(description: "The user's request, in their words."))
        static let splitDetails = Argument.optionalString(
            "splitDetails", ["type": "string", "description": "How and why the request was split this way."])
        static let approvalPolicy = Argument.choice("approvalPolicy", ApprovalPolicy.self)
    }
    package let inputSchema = ToolArguments.schema(
        Arguments.originalRequest, Arguments.splitDetails, CommonArguments.tasks, Arguments.approvalPolicy)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = RequestView.Result.schema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let policy = invocation[Arguments.approvalPolicy]
        let drafts = TaskDraftInput.drafts(invocation[CommonArguments.tasks])
        let actor = invocation.actor
        let (id, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.plan(
                invocation[Arguments.originalRequest], splitDetails: invocation[Arguments.splitDetails],
                tasks: drafts, policy: policy, by: actor)
        }
        let request = try state.request(id)
        let text = """
            Planned request \(id) with \(request.tasks.count) task\(request.tasks.count == 1 ? "" : "s").

            \(ProgressTable.markdown(request))

            Next: call get_next_task with requestId \(id) to take the first task.
            """
        return .complete(RequestView.Result.output(request, text: text))
    }
}
