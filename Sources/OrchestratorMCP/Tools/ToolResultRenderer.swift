package import OrchestratorJSON

/// The one translation point from a tool's outcome or failure to the wire.
///
/// Success carries `structuredContent` plus readable text (revisions before 2025-06-18 have no
/// structured content, so the JSON follows the text there). Refusals are `isError` results with a
/// stable code. Argument errors are `isError` results from 2025-11-25 on and `-32602` before it, as
/// each revision's specification says.
package enum ToolResultRenderer {
    package static func success(_ output: ToolOutput, revision: ProtocolRevision) -> [String: JSONValue] {
        var result: [String: JSONValue] =
            revision.hasStructuredOutput
            ? ["content": [textBlock(output.text)], "structuredContent": output.structured]
            : ["content": [textBlock(output.text), textBlock(output.structured.description)]]
        if !output.meta.isEmpty { result["_meta"] = .object(output.meta) }
        return result
    }

    /// - Parameter wording: words a rule's remedy with the tools this server has enabled.
    package static func failure(
        _ failure: ToolFailure, tool: String, revision: ProtocolRevision, wording: RefusalWording
    ) -> Result<[String: JSONValue], JSONRPCError> {
        switch failure {
        case .invalidArguments(let violation):
            let sentence = "Invalid arguments for \(tool): \(violation). Fix the argument and call \(tool) again."
            guard revision.reportsArgumentErrorsAsToolResults else {
                return .failure(
                    JSONRPCError(
                        .invalidParams, sentence,
                        data: ["field": .string(violation.path), "expected": .string(violation.expected)]))
            }
            return .success(
                errorResult(
                    code: "invalid_arguments", sentence: sentence, revision: revision,
                    extra: ["field": .string(violation.path), "expected": .string(violation.expected)]))
        case .refused(let code, let message), .failed(let code, let message):
            return .success(errorResult(code: code, sentence: message, revision: revision, extra: [:]))
        case .rule(let refusal):
            return .success(
                errorResult(
                    code: refusal.code, sentence: wording.sentence(for: refusal), revision: revision, extra: [:]))
        }
    }

    private static func errorResult(
        code: String, sentence: String, revision: ProtocolRevision, extra: [String: JSONValue]
    ) -> [String: JSONValue] {
        var result: [String: JSONValue] = ["isError": true, "content": [textBlock("Error \(code): \(sentence)")]]
        if revision.hasStructuredOutput {
            var error = extra
            error["code"] = .string(code)
            error["message"] = .string(sentence)
            result["structuredContent"] = ["error": .object(error)]
        }
        return result
    }

    /// Text content is for reading, often in a terminal (a CLI client shows it as it is), so
    /// control characters from stored titles and notes are pictured there (`␛`); the structured
    /// content keeps the exact strings.
    private static func textBlock(_ text: String) -> JSONValue {
        ["type": "text", "text": .string(text.showingControlCharacters())]
    }
}
