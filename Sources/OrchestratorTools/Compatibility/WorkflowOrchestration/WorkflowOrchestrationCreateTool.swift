internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// workflow-orchestration's `create_workflow {workflow_id, name, description, pattern?, steps}`:
/// steps with ids and dependencies become a Markdown workflow that runs them in dependency order.
package struct WorkflowOrchestrationCreateTool: OrchestratorTool {
    package let name = "create_workflow"
    package let title = "Create a workflow"
    package let description =
        "Create a workflow from steps {id, name, type?, dependencies?, parameters?}; they run in dependency order."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let workflow = Argument.string("workflow_id", ["type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"])
        static let name = Argument.string("name")
        static let description = Argument.optionalString("description", ["type": "string"])
        static let pattern = Argument.optionalString("pattern", ["type": "string"])
        static let steps = Argument.list(
            "steps",
            [
                "type": "array", "minItems": 1,
                "items": [
                    "type": "object",
                    "properties": [
                        "id": ["type": "string", "minLength": 1], "name": ["type": "string", "minLength": 1],
                        "type": ["type": "string"], "dependencies": ["type": "array", "items": ["type": "string"]],
                        "parameters": ["type": "object"],
                    ],
                    "required": ["id", "name"],
                ],
            ], required: true)
        static let overwrite = Argument.flag("overwrite")
    }
    package let inputSchema = ToolArguments.schema(
        Arguments.workflow, Arguments.name, Arguments.description, Arguments.pattern, Arguments.steps,
        Arguments.overwrite)
    /// The tool's own result fields.
    enum Fields {
        static let directory = Field.string("directory", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(WorkflowOrchestrationView.workflow, Fields.directory)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let items = invocation[Arguments.steps]
        let ordered = try Self.dependencyOrder(items)
        var steps: [WorkflowDraft.Step] = []
        for (index, item) in ordered.enumerated() {
            let name = item["name"]?.stringValue ?? ""
            let next = index + 1 < ordered.count ? ordered[index + 1]["name"]?.stringValue ?? "FINISH" : "FINISH"
            let type = item["type"]?.stringValue ?? "task"
            let after = (item["dependencies"]?.arrayValue ?? []).compactMap(\.stringValue)
            var instructions = "Carry out step \(item["id"]?.stringValue ?? "") (\(type))."
            if let parameters = item["parameters"], parameters.objectValue?.isEmpty == false {
                instructions += " Parameters: \(parameters)"
            }
            steps.append(
                WorkflowDraft.Step(
                    name: name,
                    orchestratorGuidance:
                        "Runs after \(after.isEmpty ? "nothing" : after.joined(separator: ", ")). Success leads to \(next); failure ends the run.",
                    clientInstructions: instructions, transitions: ["success -> \(next)", "otherwise -> FAILED"]))
        }
        var summary = invocation[Arguments.description] ?? invocation[Arguments.name]
        if let pattern = invocation[Arguments.pattern] { summary += "\n\nPattern: \(pattern)" }
        let draft = WorkflowDraft(name: invocation[Arguments.workflow], description: summary, steps: steps)
        let (directory, _) = try invocation.writeWorkflow(
            draft, overwrite: invocation[Arguments.overwrite])
        let loaded = try invocation.loadedWorkflow(Arguments.workflow)
        return .complete(
            ToolOutput(
                fields: [
                    WorkflowOrchestrationView.workflow(WorkflowOrchestrationView.definition(loaded)),
                    Fields.directory(directory),
                ],
                text:
                    "Created workflow \(draft.name) with \(steps.count) steps: \(steps.map(\.name).joined(separator: " → ")). Run it with execute_workflow."
            ))
    }

    /// The steps in an order that respects their dependencies (stable for independent steps).
    static func dependencyOrder(_ items: [JSONValue]) throws(ToolFailure) -> [JSONValue] {
        let ids = items.compactMap { $0["id"]?.stringValue }
        guard Set(ids).count == ids.count else {
            throw .refused(code: "duplicate_step", message: "Two steps share an id; give each step its own id.")
        }
        var placed: [String] = []
        var remaining = items
        while !remaining.isEmpty {
            guard
                let index = remaining.firstIndex(where: { item in
                    (item["dependencies"]?.arrayValue ?? []).compactMap(\.stringValue).allSatisfy(placed.contains)
                })
            else {
                let blocked = remaining.compactMap { $0["id"]?.stringValue }
                for item in remaining {
                    for dependency in (item["dependencies"]?.arrayValue ?? []).compactMap(\.stringValue)
                    where !ids.contains(dependency) {
                        throw .refused(
                            code: "unknown_dependency",
                            message:
                                "Step \(item["id"]?.stringValue ?? "") depends on \(dependency), which is not a step id; fix dependencies."
                        )
                    }
                }
                throw .refused(
                    code: "dependency_cycle",
                    message: "The dependencies of \(blocked.joined(separator: ", ")) form a cycle; remove one of them.")
            }
            placed.append(remaining[index]["id"]?.stringValue ?? "")
            remaining.remove(at: index)
        }
        return placed.compactMap { id in items.first { $0["id"]?.stringValue == id } }
    }
}
