internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// workflow-orchestration's `distribute_task`: one task per target machine, claimed for it, in a
/// task group (a request of its own). `sequential` chains them, so each waits for the one before.
package struct DistributeTaskTool: OrchestratorTool {
    package let name = "distribute_task"
    package let title = "Distribute a task"
    package let description = """
        One task per target machine, each claimed for its machine (parallel) or chained so each waits for the \
        previous (sequential, only the first claimed). A machine finishes its task with mark_task_done (instanceId) or complete_task.
        """
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        /// A text, or the seed's `TaskDefinition` object (its name and description are used).
        static let definition = Argument.value(
            "task_definition", ["anyOf": [Argument.text, ["type": "object"]]], required: true)
        static let machines = Argument.strings(
            "target_machines", ["type": "array", "minItems": 1, "items": Argument.text], required: true)
        static let strategy = Argument.choice("execution_strategy", Strategy.self)
    }

    /// How the machines' tasks run: all at once, or each after the one before.
    enum Strategy: String, CaseIterable, Sendable {
        case parallel, sequential
    }
    package let inputSchema = ToolArguments.schema(Arguments.definition, Arguments.machines, Arguments.strategy)
    /// One distributed task's fields.
    enum Row {
        static let taskID = Field.string("task_id", required: true)
        static let targetMachine = Field.string("target_machine", required: true)
        static let status = Field.string("status", required: true)
        static let schema = ResultFields.schema(taskID, targetMachine, status)
    }

    /// The tool's own result fields.
    enum Fields {
        static let tasks = Field.list("tasks", of: Row.schema, required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(WorkflowOrchestrationView.taskGroupID, Fields.tasks)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let (name, definition) = Self.definition(invocation[Arguments.definition])
        let machines = invocation[Arguments.machines]
        guard Set(machines).count == machines.count else {
            throw .refused(
                code: "duplicate_target", message: "target_machines names a machine twice; list each machine once.")
        }
        let sequential = invocation[Arguments.strategy] == .sequential
        let drafts = machines.enumerated().map { index, machine in
            TaskDraft(
                title: "\(name) on \(machine)", description: definition,
                dependsOn: sequential && index > 0 ? [.position(index)] : [], role: nil)
        }
        let actor = invocation.actor
        let details = "Distributed to \(machines.joined(separator: ", ")) (\(sequential ? "sequential" : "parallel"))"
        let (requestID, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.distribute(
                name, details: details, tasks: drafts, to: machines, sequential: sequential, by: actor)
        }
        let request = try state.request(requestID)
        let rows: [JSONValue] = zip(request.tasks, machines).map { task, machine in
            ResultFields.object([
                Row.taskID(task.id.rawValue), Row.targetMachine(machine), Row.status(task.status.rawValue),
            ])
        }
        return .complete(
            ToolOutput(
                fields: [WorkflowOrchestrationView.taskGroupID(requestID.rawValue), Fields.tasks(rows)],
                text: "Task group \(requestID): "
                    + zip(request.tasks, machines).map { "\($0.id) for \($1) (\($0.status.words))" }.joined(
                        separator: ", ") + "."))
    }

    /// A short name and the full text of a task definition given as text or as an object.
    static func definition(_ value: JSONValue?) -> (name: String, text: String) {
        guard case .object(let members)? = value else {
            let text = value?.stringValue ?? ""
            return (text, text)
        }
        let name = ["name", "title", "id", "type"].lazy.compactMap { members[$0]?.stringValue }.first ?? "Task"
        let text = members["description"]?.stringValue ?? JSONValue.object(members).description
        return (name, text)
    }
}
