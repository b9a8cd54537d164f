internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// How a request appears in structured results: its fields, progress counts and (up to a limit) its tasks.
enum RequestView {
    /// Results list at most this many tasks of one request; `omittedTasks` counts the rest.
    static let taskLimit = 40

    /// A request's fields.
    enum Fields {
        static let id = Field.string("id", required: true)
        static let originalRequest = Field.string("originalRequest", required: true)
        static let splitDetails = Field.string("splitDetails")
        static let status = Field.choice("status", WorkRequest.Status.self, required: true)
        static let approvalPolicy = Field.choice("approvalPolicy", ApprovalPolicy.self, required: true)
        static let createdAt = Field.string("createdAt", required: true)
        static let updatedAt = Field.string("updatedAt", required: true)
        static let completedAt = Field.string("completedAt")
        static let completedBy = Field.string("completedBy")
        static let progress = Field.value("progress", Progress.schema, required: true)
        static let tasks = Field.list("tasks", of: TaskView.schema)
        static let omittedTasks = Field.count("omittedTasks")
    }

    /// How many live tasks are in each status, and how many are deleted.
    enum Progress {
        static let pending = Field.count("pending", required: true)
        static let inProgress = Field.count("inProgress", required: true)
        static let done = Field.count("done", required: true)
        static let approved = Field.count("approved", required: true)
        static let deleted = Field.count("deleted", required: true)
        static let total = Field.count("total", required: true)
        static let schema = ResultFields.schema(pending, inProgress, done, approved, deleted, total)
    }

    static func json(_ request: WorkRequest, withTasks: Bool = true) -> JSONValue {
        let progress = request.progress
        var members: [ResultMember?] = [
            Fields.id(request.id.rawValue), Fields.originalRequest(request.originalRequest),
            Fields.splitDetails(ifAny: request.splitDetails), Fields.status(request.status),
            Fields.approvalPolicy(request.approvalPolicy), Fields.createdAt(request.createdAt.description),
            Fields.updatedAt(request.updatedAt.description),
            Fields.completedAt(ifAny: request.completedAt?.description), Fields.completedBy(ifAny: request.completedBy),
            Fields.progress(
                ResultFields.object([
                    Progress.pending(progress[.pending] ?? 0), Progress.inProgress(progress[.inProgress] ?? 0),
                    Progress.done(progress[.done] ?? 0), Progress.approved(progress[.approved] ?? 0),
                    Progress.deleted(request.tasks.count - request.liveTaskCount),
                    Progress.total(request.liveTaskCount),
                ])),
        ]
        if withTasks {
            let shown = shownPositions(request)
            members += [
                Fields.tasks(shown.map { TaskView.json(request.tasks[$0]) }),
                Fields.omittedTasks(request.tasks.count - shown.count),
            ]
        }
        return ResultFields.object(members)
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

    static let schema = ResultFields.schema(
        Fields.id, Fields.originalRequest, Fields.splitDetails, Fields.status, Fields.approvalPolicy, Fields.createdAt,
        Fields.updatedAt, Fields.completedAt, Fields.completedBy, Fields.progress, Fields.tasks, Fields.omittedTasks)
}
