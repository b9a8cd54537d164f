internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `search_tasks`: finds tasks, live and archived, by words in their title, description, what was
/// reported done, or feedback. Read-only.
package struct SearchTasksTool: OrchestratorTool {
    package let name = "search_tasks"
    package let title = "Search tasks"
    package let description = "Find tasks, archived too, by words in their texts."
    package let toolset = Toolset.core
    /// mcp-taskmanager has no search, so its set does not either.
    package var toolsets: [Toolset] { [.core] }
    package let annotations = ToolAnnotations.readOnly
    enum Arguments {
        static let query = Argument.string("query")
    }
    package let inputSchema = ToolArguments.schema(Arguments.query)
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "matches": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "requestId": ["type": "string"], "taskId": ["type": "string"], "title": ["type": "string"],
                        "status": ["type": "string"], "archived": ["type": "boolean"], "field": ["type": "string"],
                        "excerpt": ["type": "string"],
                    ],
                    "required": ["requestId", "taskId", "title", "status", "archived", "field", "excerpt"],
                ],
            ]
        ],
        "required": ["matches"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let query = invocation[Arguments.query]
        let matches = TaskSearch.matches(
            query, live: try invocation.currentState().requests,
            archived: try invocation.archivedRequests().map(\.request))
        let lines = matches.map {
            "- \($0.task.id) of \($0.request.id)\($0.archived ? " (archived)" : ""): \($0.task.title) [\($0.task.status.words)] — \($0.field): \($0.excerpt)"
        }
        return .complete(
            ToolOutput(
                structured: [
                    "matches": .array(
                        matches.map {
                            [
                                "requestId": .string($0.request.id.rawValue), "taskId": .string($0.task.id.rawValue),
                                "title": .string($0.task.title), "status": .string($0.task.status.rawValue),
                                "archived": .bool($0.archived), "field": .string($0.field),
                                "excerpt": .string($0.excerpt),
                            ]
                        })
                ],
                text: matches.isEmpty
                    ? "No task mentions \"\(query)\"."
                    : "Tasks mentioning \"\(query)\":\n" + lines.joined(separator: "\n")))
    }
}
