internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `list_requests`: every request with its progress, optionally only active or completed ones. Read-only.
package struct ListRequestsTool: MCPTool {
    package let name = "list_requests"
    package let title = "List requests"
    package let description =
        "The requests, oldest first, with status and progress; status filters, archived adds finished ones."
    package let toolset = Toolset.core
    package let taskmanagerStatus: String? = "requests_listed"
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let status = Argument.choice("status", WorkRequest.Status.self)
        static let archived = Argument.flag("archived", description: "Add archived requests.")
    }
    package let inputSchema = ToolArguments.schema(Arguments.status, Arguments.archived)
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": ["requests": ["type": "array", "items": RequestView.schema]],
        "required": ["requests"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let filter = invocation[Arguments.status]
        var requests = try invocation.currentState().requests.filter { filter == nil || $0.status == filter }
        if invocation[Arguments.archived], filter != .active {
            requests += try invocation.archivedRequests().map(\.request)
        }
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
        let text =
            requests.isEmpty
            ? "No \(filter.map { "\($0.rawValue) " } ?? "")requests. Plan one with request_planning."
            : lines.joined(separator: "\n")
        return .complete(
            ToolOutput(
                structured: ["requests": .array(requests.map { RequestView.json($0, withTasks: false) })], text: text))
    }
}
