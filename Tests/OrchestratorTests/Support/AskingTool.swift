import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools

/// A test-only tool that asks the person a question through elicitation before it answers.
///
/// It exercises the framework's server→client path in both eras; the shipped tools that ask (human
/// approval) build on the same mechanism.
struct AskingTool: OrchestratorTool {
    let name = "ask_person"
    let title = "Ask the person"
    let description = "Asks the person a question and reports the answer."
    let toolset = Toolset.server
    let inputSchema: JSONValue = [
        "type": "object",
        "properties": ["question": ["type": "string"]],
        "required": ["question"],
        "additionalProperties": false,
    ]
    let outputSchema: JSONValue = [
        "type": "object",
        "properties": ["action": ["type": "string"], "answer": ["type": "string"]],
        "required": ["action"],
    ]
    let annotations = ToolAnnotations.readOnly

    func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let question = invocation.arguments["question"]!.stringValue!
        guard !question.isEmpty else {
            throw .refused(code: "empty_question", message: "Ask a question with at least one word in it.")
        }
        guard let response = invocation.inputResponses["answer"] else {
            return .inputRequired(
                requests: [
                    "answer": .elicitation(
                        message: question,
                        schema: [
                            "type": "object", "properties": ["answer": ["type": "string"]], "required": ["answer"],
                        ])
                ],
                state: "asked:\(question)")
        }
        let action = response["action"]?.stringValue ?? "cancel"
        var structured: [String: JSONValue] = ["action": .string(action)]
        if let answer = response["content"]?["answer"]?.stringValue { structured["answer"] = .string(answer) }
        return .complete(ToolOutput(structured: .object(structured), text: "The person chose \(action)."))
    }
}
