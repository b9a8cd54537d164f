internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// How a request appears in structured results: its fields, progress counts and (up to a limit) its tasks.
enum RequestView {
    /// Results list at most this many tasks of one request; `omittedTasks` counts the rest.
    static let taskLimit = 40

    static func json(_ request: WorkRequest, withTasks: Bool = true) -> JSONValue {
        let progress = request.progress
        var object: [String: JSONValue] = [
            "id": .string(request.id.rawValue),
            "originalRequest": .string(request.originalRequest),
            "status": .string(request.status.rawValue),
            "approvalPolicy": .string(request.approvalPolicy.rawValue),
            "createdAt": .string(request.createdAt.description),
            "updatedAt": .string(request.updatedAt.description),
            "progress": [
                "pending": .int(progress[.pending] ?? 0),
                "inProgress": .int(progress[.inProgress] ?? 0),
                "done": .int(progress[.done] ?? 0),
                "approved": .int(progress[.approved] ?? 0),
                "deleted": .int(request.tasks.count - request.liveTaskCount),
                "total": .int(request.liveTaskCount),
            ],
        ]
        object["splitDetails"] = request.splitDetails.map(JSONValue.string)
        object["completedAt"] = request.completedAt.map { .string($0.description) }
        object["completedBy"] = request.completedBy.map(JSONValue.string)
        if withTasks {
            let shown = shownPositions(request)
            object["tasks"] = .array(shown.map { TaskView.json(request.tasks[$0]) })
            object["omittedTasks"] = .int(request.tasks.count - shown.count)
        }
        return .object(object)
    }

    /// Where the shown tasks sit in the plan: every task when there are few; otherwise the unfinished
    /// ones first, up to the limit. Positions rather than copies keep an answer cheap at any size.
    static func shownPositions(_ request: WorkRequest) -> [Int] {
        let tasks = request.tasks
        guard tasks.count > taskLimit else { return Array(tasks.indices) }
        var shown: [Int] = []
        shown.reserveCapacity(taskLimit)
        for finished in [false, true] {
            for index in tasks.indices where shown.count < taskLimit {
                if (tasks[index].isDeleted || tasks[index].status == .approved) == finished { shown.append(index) }
            }
        }
        return shown
    }

    /// The result of tools that answer with one request (`request_planning`, `approve_request_completion`).
    enum Result {
        static let requestId = Field.string("requestId", required: true)
        static let request = Field.value("request", RequestView.schema, required: true)
        static let schema = ResultFields.schema(requestId, request)

        static func output(_ request: WorkRequest, text: String) -> ToolOutput {
            ToolOutput(fields: [requestId(request.id.rawValue), self.request(RequestView.json(request))], text: text)
        }
    }

    private static let count: JSONValue = ["type": "integer", "minimum": 0]

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "id": ["type": "string"],
            "originalRequest": ["type": "string"],
            "splitDetails": ["type": "string"],
            "status": ["type": "string", "enum": .array(WorkRequest.Status.allCases.map { .string($0.rawValue) })],
            "approvalPolicy": ["type": "string", "enum": .array(ApprovalPolicy.allCases.map { .string($0.rawValue) })],
            "createdAt": ["type": "string"],
            "updatedAt": ["type": "string"],
            "completedAt": ["type": "string"],
            "completedBy": ["type": "string"],
            "progress": [
                "type": "object",
                "properties": [
                    "pending": count, "inProgress": count, "done": count, "approved": count, "deleted": count,
                    "total": count,
                ],
                "required": ["pending", "inProgress", "done", "approved", "deleted", "total"],
            ],
            "tasks": ["type": "array", "items": TaskView.schema],
            "omittedTasks": count,
        ],
        "required": ["id", "originalRequest", "status", "approvalPolicy", "createdAt", "updatedAt", "progress"],
    ]
}
