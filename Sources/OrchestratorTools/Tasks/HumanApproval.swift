internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP
internal import OrchestratorSystem

/// Approval reserved for the person (`--approver human`): the model's call alone never approves.
///
/// An approve call from the model never approves by itself. When the client declared elicitation the
/// server asks the person (approve, or reject with feedback) and acts on the answer; otherwise the
/// refusal names the exact command the person runs.
enum HumanApproval {
    /// What the person decided, or what to do to find out.
    enum Step {
        /// The approver is the agent: act on the model's call.
        case agentMayAct
        /// Ask the person first.
        case ask(ToolOutcome)
        case approved(by: String)
        case rejected(feedback: String, by: String)
        /// The call waits (`waitSeconds`) for the person to decide on another channel: the board or
        /// the command line.
        case awaitPerson
    }

    static let questionKey = "approval"

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "decision": ["type": "string", "title": "Decision", "enum": ["approve", "reject"]],
            "feedback": ["type": "string", "title": "Feedback", "description": "What to change (needed to reject)."],
        ],
        "required": ["decision"],
    ]

    /// Decides how an approve call proceeds. `command` is the command line the person can run instead.
    /// `question` runs only when the person decides: it checks the approval could succeed (so nobody is
    /// asked about a task that cannot be approved) and words the question.
    static func step(
        _ invocation: ToolInvocation, command: String, question: () throws(ToolFailure) -> String
    ) throws(ToolFailure) -> Step {
        guard invocation.environment.configuration.approver == .human else { return .agentMayAct }
        // Over Streamable HTTP with tokens the token decides: a person's approves, an agent's never
        // does, not even through answers its client sends to a question.
        if let caller = invocation.context.authenticated {
            if caller.role == .person {
                _ = try question()
                return .approved(by: "person via http (\(caller.name))")
            }
            if invocation.wait != nil { return .awaitPerson }
            throw .refused(
                code: "human_approval_required",
                message:
                    "This server reserves approval for the person, and '\(caller.name)' holds an agent token; a person approves with a person token, on the board (/board) or with \(command). Call again with waitSeconds to wait for their decision."
            )
        }
        if invocation.wait != nil, !invocation.context.canElicit { return .awaitPerson }
        let question = try question()
        let person = "person" + (invocation.context.clientInfo.map { " via \($0.name)" } ?? "")
        if let answer = invocation.inputResponses[questionKey] {
            switch answer["action"]?.stringValue {
            case "accept":
                let decision = answer["content"]?["decision"]?.stringValue
                let feedback = answer["content"]?["feedback"]?.stringValue ?? ""
                if decision == "approve" { return .approved(by: person) }
                guard decision == "reject" else {
                    throw .refused(
                        code: "approval_unanswered",
                        message: "The person's answer chose neither approve nor reject; call again to ask once more.")
                }
                guard !feedback.isBlank else {
                    throw .refused(
                        code: "rejection_needs_feedback",
                        message: "The person chose reject without feedback; call again and ask them what to change.")
                }
                return .rejected(feedback: feedback, by: person)
            case "decline":
                throw .refused(
                    code: "approval_declined",
                    message:
                        "The person declined to decide; nothing changed. Ask them what is missing, or let them run \(command)."
                )
            default:
                throw .refused(
                    code: "approval_cancelled",
                    message:
                        "The question was dismissed without an answer; nothing changed. Call again when the person is ready, or let them run \(command)."
                )
            }
        }
        guard invocation.context.canElicit else {
            throw .refused(
                code: "human_approval_required",
                message:
                    "This server reserves approval for the person, and this client cannot ask them; ask the person to decide on the board (`mcp-orchestrator board`) or run: \(command). Call again with waitSeconds to wait for their decision."
            )
        }
        return .ask(
            .inputRequired(
                requests: [questionKey: .elicitation(message: question, schema: schema)], state: nil))
    }

    /// The end of a wait that found no decision: the task or request still waits for the person.
    static func pending(_ subject: String, command: String) -> ToolFailure {
        .refused(
            code: "approval_pending",
            message:
                "No decision on \(subject) yet; it still waits for the person (the board, `mcp-orchestrator board`, or \(command)). Call again with waitSeconds to keep waiting."
        )
    }

    /// `mcp-orchestrator <arguments> --state <path>`, quoted for a POSIX shell where needed.
    static func command(_ arguments: [String], invocation: ToolInvocation) -> String {
        let path = invocation.environment.configuration.stateLocation.path
        return "`" + ShellQuoting.line(["mcp-orchestrator"] + arguments + ["--state", path]) + "`"
    }
}
