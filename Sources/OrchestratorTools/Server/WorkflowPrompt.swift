internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// A workflow offered in the client's prompt menu: choosing it tells the model to start a run, with
/// the workflow's steps and its first instructions, so the run begins at once.
package struct WorkflowPrompt: MCPPrompt {
    let workflow: LoadedWorkflow
    let library: WorkflowLibrary

    package var name: String { workflow.name }
    package var title: String { "Workflow: \(workflow.definition?.title ?? workflow.name)" }
    package var description: String {
        guard let definition = workflow.definition else {
            return "Workflow \(workflow.name) (has errors; explains them)."
        }
        return "Start the \(definition.title) workflow. "
            + (definition.description.isEmpty ? "" : definition.description)
    }
    package let arguments = [
        PromptArgument(
            name: "goal", description: "What this run should achieve (stored as context.goal).", required: false)
    ]

    package func messages(_ arguments: [String: String], environment: ServerEnvironment) throws(JSONRPCError)
        -> [JSONValue]
    {
        guard let definition = workflow.definition else {
            return [
                Self.userText(
                    "Explain to me why the workflow \(workflow.name) cannot run:\n\n"
                        + WorkflowDocument.markdown(workflow))
            ]
        }
        var context: [String: JSONValue] = [:]
        if let goal = arguments["goal"], !goal.isBlank { context["goal"] = .string(goal) }
        let start: JSONValue = ["workflow_name": .string(definition.name), "context": .object(context)]
        var lines = [
            "Run the workflow \"\(definition.title)\" with the mcp-orchestrator tools.",
            "",
            "1. Call start_workflow with \(start).",
            "2. Do what each step's client instructions say, then call advance_workflow with the instance_id and a report {step_id, status}; where a step has no transition rules, also name next_step from the allowed list.",
            "3. Continue until the run reaches FINISH or FAILED. If you lose track, call resume_workflow.",
            "",
            "The steps:",
        ]
        for (number, step) in definition.steps.enumerated() {
            lines.append("\(number + 1). \(step.name)" + (step.goal.map { " — \($0)" } ?? ""))
        }
        return [Self.userText(lines.joined(separator: "\n"))]
    }

    package func complete(_ argument: String, prefix: String, environment: ServerEnvironment) -> [String] { [] }
}
