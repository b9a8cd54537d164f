internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// mcp-task-orchestrator's `orchestrator_plan_task`: subtasks arrive as a JSON string.
package struct PlanTaskTool: OrchestratorTool {
    package let name = "orchestrator_plan_task"
    package let title = "Plan subtasks"
    package let description = """
        Plan a task as subtasks. subtasks_json is a JSON array (as a string) of {title, description, \
        specialist_type, dependencies? (titles), estimated_effort?}.
        """
    package let toolset = Toolset.taskOrchestrator
    package let roles: [ToolRole] = [.planWork]
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let description = Argument.string("description")
        static let subtasks = Argument.string("subtasks_json", ["type": "string", "minLength": 2])
        static let complexity = Argument.choice("complexity_level", Complexity.self)
        static let context = Argument.optionalString("context", ["type": "string"])
    }

    /// How complex the caller says the plan is; noted in the plan's details.
    enum Complexity: String, CaseIterable, Sendable {
        case simple, moderate, complex
        case veryComplex = "very_complex"
    }
    package let inputSchema = ToolArguments.schema(
        Arguments.description, Arguments.subtasks, Arguments.complexity, Arguments.context)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(TaskOrchestratorView.parentTaskID, TaskOrchestratorView.subtasks)

    /// What each item of `subtasks_json` must look like, checked with the same validator as arguments.
    static let itemSchema: JSONValue = [
        "type": "array", "minItems": 1,
        "items": [
            "type": "object",
            "properties": [
                "title": ["type": "string", "minLength": 1],
                "description": ["type": "string", "minLength": 1],
                "specialist_type": ["type": "string", "minLength": 1],
                "dependencies": ["type": "array", "items": ["type": "string"]],
                "estimated_effort": ["type": "string"],
            ],
            "required": ["title", "description", "specialist_type"],
        ],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(invocation[Arguments.subtasks])
        } catch {
            throw .refused(
                code: "invalid_subtasks_json",
                message: "subtasks_json is not valid JSON (\(error)); send a JSON array of subtask objects as a string."
            )
        }
        if let violation = SchemaValidator.firstViolation(of: parsed, against: Self.itemSchema, path: "subtasks_json") {
            throw .invalidArguments(violation)
        }
        let drafts = (parsed.arrayValue ?? []).map { item in
            var description = item["description"]?.stringValue ?? ""
            if let effort = item["estimated_effort"]?.stringValue, !effort.isBlank {
                description += "\n\nEstimated effort: \(effort)"
            }
            return TaskDraft(
                title: item["title"]?.stringValue ?? "", description: description,
                dependsOn: (item["dependencies"]?.arrayValue ?? []).compactMap(\.stringValue).map { .name($0) },
                role: item["specialist_type"]?.stringValue)
        }
        var details: [String] = []
        if let level = invocation[Arguments.complexity] { details.append("Complexity: \(level.rawValue)") }
        if let context = invocation[Arguments.context], !context.isBlank {
            details.append("Context: \(context)")
        }
        let description = invocation[Arguments.description]
        let actor = invocation.actor
        let (requestID, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.plan(
                description, splitDetails: details.isEmpty ? nil : details.joined(separator: "\n"), tasks: drafts,
                policy: nil, unattended: true, by: actor)
        }
        let request = try state.request(requestID)
        return .complete(
            ToolOutput(
                fields: [
                    TaskOrchestratorView.parentTaskID(requestID.rawValue),
                    TaskOrchestratorView.subtasks(request.tasks.map(TaskOrchestratorView.subtask)),
                ],
                text:
                    "Planned \(requestID) as \(request.tasks.count) subtasks. Start one with orchestrator_execute_subtask.\n\n"
                    + ProgressTable.markdown(request)))
    }
}
