internal import OrchestratorCore
internal import OrchestratorEvidence
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// `get_next_task`: hands out the next task by priority and plan order, or says why there is none.
package struct GetNextTaskTool: OrchestratorTool {
    package let name = "get_next_task"
    package let title = "Get the next task"
    package let description = """
        Claim the next task (priority, then plan order, oldest request first); asking again returns the one you \
        hold. status says what happened; waitSeconds waits for an approval or an unlock.
        """
    package let toolset = Toolset.core
    package let roles: [ToolRole] = [.claim]
    package let taskmanagerStatus: String? = "next_task"
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let scope = Argument.optionalString(
            "requestId", Argument.text(description: "Only hand out tasks of this request."))
    }
    package let inputSchema = ToolArguments.schema(Arguments.scope, CommonArguments.instanceID, Argument.waitSeconds)
    /// The tool's result fields.
    enum Fields {
        static let status = Field.choice("status", Status.self, required: true)
        static let requestId = Field.string("requestId")
        static let task = Field.value("task", TaskView.schema)
        static let awaitingApproval = Field.strings("awaitingApproval")
        static let inProgress = Field.strings("inProgress")
        static let stuck = Field.list(
            "stuck",
            of: [
                "type": "object",
                "properties": ["taskId": ["type": "string"], "missing": TaskView.idListSchema],
                "required": ["taskId", "missing"],
            ], description: "Tasks that can never start: they depend on tasks the request does not have.")
        static let request = Field.value("request", RequestView.schema)
        static let roleGuidance = Field.string(
            "roleGuidance", description: "The text of the task's role file, when it has a role.")
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        Fields.status, Fields.requestId, Fields.task, Fields.awaitingApproval, Fields.inProgress, Fields.stuck,
        Fields.request, Fields.roleGuidance)

    /// What the call did, as `status` reports it.
    enum Status: String, CaseIterable {
        case claimed, resumed
        case awaitingApproval = "awaiting_approval"
        case readyForCompletion = "ready_for_completion"
        case waiting, stuck
        case noActiveRequests = "no_active_requests"
    }

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let scope = invocation[Arguments.scope].map(WorkRequest.ID.init)
        let holder = try invocation.agent(named: invocation[CommonArguments.instanceID]) ?? invocation.actor
        let (selection, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.claimNext(in: scope, holder: holder)
        }
        if invocation.mayWait {
            switch selection {
            case .awaitingApproval(_, let tasks):
                return .waiting(for: "a decision on \(TaskResult.list(tasks))")
            case .waiting(_, let inProgress):
                return .waiting(for: "\(TaskResult.list(inProgress)) to be finished and approved")
            case .claim, .resume, .readyForCompletion, .stuck, .noActiveRequests:
                break
            }
        }
        var fields: [ResultMember?] = []
        let status: Status
        let requestID: WorkRequest.ID?
        var lines: [String] = []
        var meta: [String: JSONValue] = [:]
        switch selection {
        case .claim(let request, let task), .resume(let request, let task):
            let resumed = if case .resume = selection { true } else { false }
            status = resumed ? .resumed : .claimed
            requestID = request
            let found = state.locate(task).map { state.requests[$0.request].tasks[$0.task] }
            if let found {
                // The tree as the round begins, taken while the claim flushes to disk.
                if !resumed { invocation.services.evidence?.begin(task, round: found.round) }
                fields.append(Fields.task(TaskView.json(found, detailed: true)))
                lines.append(Self.describe(found, in: request, resumed: resumed))
                if let role = found.role.flatMap(invocation.workflows.role(named:)) {
                    fields.append(Fields.roleGuidance(role.guidance))
                    lines.append("## Role: \(role.name)\n\n\(role.guidance)")
                }
            }
        case .awaitingApproval(let request, let tasks):
            status = .awaitingApproval
            requestID = request
            fields.append(Fields.awaitingApproval(tasks.map(\.rawValue)))
            let them = tasks.count == 1 ? "it" : "them"
            let approver =
                HumanApproval.personDecides(request, in: state, invocation)
                ? "the person must approve \(them), \(HumanApproval.whereThePersonDecides) (approve_task_completion asks them where the client can, and waits with waitSeconds)"
                : "approve \(them) with approve_task_completion or send \(them) back with reject_task"
            lines.append(
                "No task is handed out: \(TaskResult.list(tasks)) of \(request) \(tasks.count == 1 ? "is" : "are") done and awaiting approval; \(approver)."
            )
            // A host that draws apps shows the person the board with this answer, to decide there.
            if invocation.context.drawsApps {
                meta["ui"] = ToolUI.board.json
                lines.append("The board app shown with this answer lets the person approve or reject.")
            }
        case .readyForCompletion(let request):
            status = .readyForCompletion
            requestID = request
            lines.append(
                "Every task of \(request) is approved. Call approve_request_completion with requestId \(request) to close it."
            )
        case .waiting(let request, let inProgress):
            status = .waiting
            requestID = request
            fields.append(Fields.inProgress(inProgress.map(\.rawValue)))
            lines.append(
                "Nothing can start yet: \(TaskResult.list(inProgress)) \(inProgress.count == 1 ? "is" : "are") in progress with other holders, and the remaining tasks depend on them. Call again later."
            )
        case .stuck(let request, let dangling):
            status = .stuck
            requestID = request
            fields.append(
                Fields.stuck(
                    dangling.map {
                        [
                            "taskId": .string($0.task.rawValue),
                            "missing": .array($0.missing.map { .string($0.rawValue) }),
                        ]
                    }))
            lines.append(
                "Nothing can start in \(request): " + dangling.map(\.description).joined(separator: "; ")
                    + " (update_task with a new dependsOn, or delete_task).")
        case .noActiveRequests:
            status = .noActiveRequests
            requestID = nil
            lines.append(
                scope == nil
                    ? "There are no active requests. Plan one with request_planning."
                    : "Request \(scope!) has nothing to hand out.")
        }
        fields.append(Fields.status(status))
        if let requestID, let request = try? state.request(requestID) {
            fields += [Fields.requestId(requestID.rawValue), Fields.request(RequestView.json(request))]
            lines.append(ProgressTable.markdown(request))
        }
        var output = ToolOutput(fields: fields, text: lines.joined(separator: "\n\n"))
        output.meta = meta
        return .complete(output)
    }

    private static func describe(_ task: WorkTask, in request: WorkRequest.ID, resumed: Bool) -> String {
        var lines = [
            resumed
                ? "You already hold task \(task.id) of \(request); here it is again: \(task.title)"
                : "Task \(task.id) of \(request) is yours: \(task.title)"
        ]
        var facts = ["Priority: \(task.priority.rawValue)"]
        if let role = task.role { facts.append("Role: \(role)") }
        if !task.dependsOn.isEmpty { facts.append("After: \(TaskResult.list(task.dependsOn))") }
        if let until = task.claimExpiresAt { facts.append("Claimed until \(until)") }
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        lines.append(task.description)
        if let feedback = task.feedback {
            lines.append("")
            lines.append("Feedback from the last review: \(feedback)")
        }
        lines.append("")
        lines.append(
            "When it is finished, call mark_task_done with requestId \(request), taskId \(task.id) and completedDetails."
        )
        return lines.joined(separator: "\n")
    }
}
