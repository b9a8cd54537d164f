internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `search_tasks`: finds tasks, live and archived, that mention every word of the query (`TaskSearch`),
/// best first. Read-only.
package struct SearchTasksTool: OrchestratorTool {
    package let name = "search_tasks"
    package let title = "Search tasks"
    package let description = "Find tasks, archived too, by all words given, best first."
    package let toolset = Toolset.core
    /// mcp-taskmanager has no search, so its set does not either.
    package var toolsets: [Toolset] { [.core] }
    package let annotations = ToolAnnotations.readOnly
    enum Arguments {
        static let query = Argument.string("query")
    }
    package let inputSchema = ToolArguments.schema(Arguments.query)
    /// One match's fields.
    enum Match {
        static let requestId = Field.string("requestId", required: true)
        static let taskId = Field.string("taskId", required: true)
        static let title = Field.string("title", required: true)
        static let status = Field.string("status", required: true)
        static let archived = Field.flag("archived", required: true)
        static let field = Field.string("field", required: true)
        static let excerpt = Field.string("excerpt", required: true)
        static let schema = ResultFields.schema(requestId, taskId, title, status, archived, field, excerpt)
    }

    /// The tool's result fields.
    enum Fields {
        static let matches = Field.list("matches", of: Match.schema, required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.matches)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let query = invocation[Arguments.query]
        let matches = TaskSearch.matches(
            query, live: SearchIndex(try invocation.currentState().requests),
            archived: invocation.services.searchIndex(of: try invocation.archivedRequests()))
        let lines = matches.map {
            "- \($0.task.id) of \($0.request.id)\($0.archived ? " (archived)" : ""): \($0.task.title) [\($0.task.status.words)] — \($0.field): \($0.excerpt)"
        }
        return .complete(
            ToolOutput(
                fields: [
                    Fields.matches(
                        matches.map {
                            ResultFields.object([
                                Match.requestId($0.request.id.rawValue), Match.taskId($0.task.id.rawValue),
                                Match.title($0.task.title), Match.status($0.task.status.rawValue),
                                Match.archived($0.archived), Match.field($0.field), Match.excerpt($0.excerpt),
                            ])
                        })
                ],
                text: matches.isEmpty
                    ? "No task mentions every word of \"\(query)\"."
                    : "Tasks mentioning \"\(query)\":\n" + lines.joined(separator: "\n")))
    }
}
