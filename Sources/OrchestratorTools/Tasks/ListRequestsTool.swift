internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `list_requests`: every request with its progress, optionally only active or completed ones. Read-only.
package struct ListRequestsTool: OrchestratorTool {
    package let name = "list_requests"
    package let title = "List requests"
    package let description =
        "The requests, oldest first, with status and progress; status filters, archived adds finished ones."
    package let toolset = Toolset.core
    package let roles: [ToolRole] = [.seeRequests, .seeTasks]
    package let taskmanagerStatus: String? = "requests_listed"
    package let annotations = ToolAnnotations.readOnly
    package let ui: ToolUI? = .board
    /// The tool's own arguments.
    enum Arguments {
        static let status = Argument.choice("status", WorkRequest.Status.self)
        static let archived = Argument.flag("archived", description: "Add archived requests.")
        static let cursor = Argument.optionalString("cursor")
    }
    package let inputSchema = ToolArguments.schema(Arguments.status, Arguments.archived, Arguments.cursor)
    /// The tool's result fields.
    enum Fields {
        static let requests = Field.list("requests", of: RequestView.schema, required: true)
        static let nextCursor = Field.string(
            "nextCursor", description: "More requests follow: call again with this cursor.")
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.requests, Fields.nextCursor)

    /// Requests per page: a year of archived work stays readable one page at a time.
    static let pageSize = 50

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let filter = invocation[Arguments.status]
        var requests = try invocation.currentState().requests.filter { filter == nil || $0.status == filter }
        if invocation[Arguments.archived], filter != .active {
            requests += try invocation.archivedRequests().map(\.request)
        }
        var start = 0
        if let cursor = invocation[Arguments.cursor] {
            guard cursor.hasPrefix("after:"), let offset = Int(cursor.dropFirst(6)), offset >= 0 else {
                throw .refused(
                    code: "invalid_cursor", message: "cursor must be a nextCursor this tool returned, not '\(cursor)'")
            }
            start = min(offset, requests.count)
        }
        let end = min(start + Self.pageSize, requests.count)
        let nextCursor = end < requests.count ? "after:\(end)" : nil
        requests = Array(requests[start..<end])
        var lines = [
            "| Request | Status | Policy | Approved | Done | In progress | Pending | Original request |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for request in requests {
            let progress = request.progress
            lines.append(
                "| \(request.id) | \(request.status.rawValue) | \(request.approvalPolicy.rawValue) | \(progress[.approved] ?? 0)/\(request.liveTaskCount) "
                    + "| \(progress[.done] ?? 0) | \(progress[.inProgress] ?? 0) | \(progress[.pending] ?? 0) | \(ProgressTable.cell(String(request.originalRequest.prefix(80)))) |"
            )
        }
        var text =
            requests.isEmpty
            ? "No \(filter.map { "\($0.rawValue) " } ?? "")requests. Plan one with request_planning."
            : lines.joined(separator: "\n")
        if let nextCursor {
            text += "\n\nMore requests follow: call list_requests again with cursor \(nextCursor)."
        }
        return .complete(
            ToolOutput(
                fields: [
                    Fields.requests(requests.map { RequestView.json($0, withTasks: false) }),
                    Fields.nextCursor(ifAny: nextCursor),
                ], text: text))
    }
}
