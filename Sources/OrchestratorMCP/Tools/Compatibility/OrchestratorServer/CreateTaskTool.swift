package import OrchestratorCore
package import OrchestratorJSON

/// orchestrator-server's `create_task`: a task with a caller-chosen id and existing dependencies.
package struct CreateTaskTool: MCPTool {
    package let name = "create_task"
    package let title = "Create a task"
    package let description = "Create a task with your own id; dependencies must be ids of tasks that already exist."
    package let toolset = Toolset.orchestratorServer
    package let annotations = ToolAnnotations.change
    package let inputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "id": ["type": "string", "minLength": 1, "maxLength": 200],
            "description": ["type": "string", "minLength": 1],
            "dependencies": ["type": "array", "items": ["type": "string", "minLength": 1]],
        ],
        "required": ["id", "description"],
        "additionalProperties": false,
    ]
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": ["task": OrchestratorServerTasks.schema, "requestId": ["type": "string"]],
        "required": ["task", "requestId"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let id = WorkTask.ID(invocation.string("id"))
        let description = invocation.string("description")
        let dependencies = (invocation.arguments["dependencies"]?.arrayValue ?? []).compactMap(\.stringValue)
        let actor = invocation.actor
        let now = invocation.now
        let policy: ApprovalPolicy = invocation.environment.configuration.approver == .human ? .each : .auto
        let (requestID, state) = try invocation.change { (state: inout OrchestratorState) throws(OrchestratorError) in
            let requestID: WorkRequest.ID
            if let existing = OrchestratorServerTasks.requestID(in: state) {
                requestID = existing
            } else {
                requestID = try state.openRequest(
                    originalRequest: OrchestratorServerTasks.requestText, splitDetails: nil, policy: policy, by: actor,
                    at: now)
            }
            for dependency in dependencies where state.locate(WorkTask.ID(dependency)) == nil {
                throw .unknownDependency(dependency, of: "Task \(id)")
            }
            let draft = TaskDraft(
                title: id.rawValue, description: description, dependsOn: dependencies.map { .name($0) }, id: id)
            _ = try state.addTasks([draft], to: requestID, by: actor, at: now)
            return requestID
        }
        let (_, task) = try invocation.locateTask(id, in: state)
        let after = dependencies.isEmpty ? "" : " after \(dependencies.joined(separator: ", "))"
        return .complete(
            ToolOutput(
                structured: ["task": OrchestratorServerTasks.json(task), "requestId": .string(requestID.rawValue)],
                text: "Created task \(id)\(after) in \(requestID)."))
    }
}
