internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorSystem

/// `app_board_decide`: the board app's Approve, Reject and Close, through the same use cases and rules
/// as the board and the command line. Only the app calls it, and a host that draws apps never shows
/// it to the model, so under `--approver human` its decision is the person's ("person via HOST app").
package struct BoardDecideAppTool: OrchestratorTool {
    package let name = "app_board_decide"
    package let title = "Decide on the board"
    package let description =
        "The board app's decisions: approve or reject a done task, or close a fully approved request."
    package let toolset = Toolset.core
    package let annotations = ToolAnnotations.change
    package let ui: ToolUI? = .boardOnly

    enum Action: String, CaseIterable, Sendable {
        case approve, reject
        case approveRequest = "approve-request"
    }

    enum Arguments {
        static let action = Argument.requiredChoice("action", Action.self)
        static let taskID = Argument.optionalString("taskId")
        static let feedback = Argument.optionalString("feedback", ["type": "string"])
    }
    package let inputSchema = ToolArguments.schema(
        Arguments.action, CommonArguments.requestID, Arguments.taskID, Arguments.feedback)
    /// What the person decided.
    enum Decision: String, CaseIterable, Sendable {
        case approved, rejected, closed
    }

    /// The tool's result fields.
    enum Fields {
        static let decision = Field.choice("decision", Decision.self, required: true)
        static let requestID = Field.string("requestId", required: true)
        static let taskID = Field.string("taskId")
        static let by = Field.string("by", required: true)
        static let unlocked = Field.strings("unlocked")
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        Fields.decision, Fields.requestID, Fields.taskID, Fields.by, Fields.unlocked)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        // An agent's token never decides for the person, whatever its client draws.
        if invocation.settings.approver == .human, let caller = invocation.context.authenticated,
            caller.role != .person
        {
            throw .refused(
                code: "human_approval_required",
                message:
                    "This server reserves approval for the person, and '\(caller.name)' holds an agent token; connect the host with a person token to decide in the app."
            )
        }
        let requestID = invocation.requestID
        let person = invocation.appPerson
        // The host vouches that its person pressed the app's button; an agent's token never does.
        let decider: Decider =
            invocation.context.authenticated.map { $0.role == .person } ?? true ? .person(person) : .agent(person)
        switch invocation[Arguments.action] ?? .approve {
        case .approve:
            let taskID = try Self.task(invocation)
            let (unlocked, _) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
                try orchestrator.approve(taskID, in: requestID, by: decider)
            }
            let ready = unlocked.isEmpty ? "" : " Now ready: \(unlocked.map(\.rawValue).joined(separator: ", "))."
            return .complete(
                ToolOutput(
                    fields: [
                        Fields.decision(.approved), Fields.requestID(requestID.rawValue),
                        Fields.taskID(taskID.rawValue),
                        Fields.by(person), Fields.unlocked(unlocked.map(\.rawValue)),
                    ],
                    text: "Approved \(taskID).\(ready)"))
        case .reject:
            let taskID = try Self.task(invocation)
            // Blank feedback goes on to the rules, which refuse it with their own sentence.
            let feedback = invocation[Arguments.feedback] ?? ""
            _ = try invocation.perform { (orchestrator) throws(ChangeFailure) in
                try orchestrator.reject(taskID, in: requestID, feedback: feedback, by: person)
            }
            return .complete(
                ToolOutput(
                    fields: [
                        Fields.decision(.rejected), Fields.requestID(requestID.rawValue),
                        Fields.taskID(taskID.rawValue),
                        Fields.by(person),
                    ],
                    text: "Sent \(taskID) back with your feedback."))
        case .approveRequest:
            _ = try invocation.perform { (orchestrator) throws(ChangeFailure) in
                try orchestrator.completeRequest(requestID, by: decider)
            }
            return .complete(
                ToolOutput(
                    fields: [Fields.decision(.closed), Fields.requestID(requestID.rawValue), Fields.by(person)],
                    text: "Closed \(requestID)."))
        }
    }

    private static func task(_ invocation: ToolInvocation) throws(ToolFailure) -> WorkTask.ID {
        guard let taskID = invocation[Arguments.taskID] else {
            throw .invalidArguments(
                SchemaViolation(
                    path: "taskId", problem: "is required to approve or reject (string)", expected: "string"))
        }
        return WorkTask.ID(taskID)
    }
}
