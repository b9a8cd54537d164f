internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP
internal import OrchestratorSystem

/// Approval reserved for the person: under `--approver human`, or for a request planned where the
/// person approves (its recorded approver), whatever this server's own launch option says.
///
/// An approve call from the model never approves by itself. When the client declared elicitation the
/// server asks the person (approve, or reject with feedback) and acts on their answer, which counts
/// only as the answer to the question this server asked (see `IssuedQuestions`); otherwise the
/// refusal says that the person decides and where, never a command the model could run in their name.
enum HumanApproval {
    /// What the person decided, or what to do to find out.
    enum Step {
        /// The approver is the agent: act on the model's call.
        case agentMayAct
        /// Ask the person first.
        case ask(ToolOutcome)
        case approved(by: Decider)
        case rejected(feedback: String, by: String)
        /// The call waits (`waitSeconds`) for the person to decide on another channel: the board, the
        /// app or their terminal.
        case awaitPerson
    }

    static let questionKey = "approval"

    /// Where the person decides, as the model is told it.
    static let whereThePersonDecides = "on the board, in the client's dialog, or from their own terminal"

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "decision": ["type": "string", "title": "Decision", "enum": ["approve", "reject"]],
            "feedback": ["type": "string", "title": "Feedback", "description": "What to change (needed to reject)."],
        ],
        "required": ["decision"],
    ]

    /// Whether the person decides on `request`: this server's launch option, or the approver the
    /// request recorded when it was planned. `state` is one the tool has already (after its change,
    /// so the disk's flush is not waited for); without one the current state is read.
    static func personDecides(
        _ request: WorkRequest.ID, in state: OrchestratorState? = nil, _ invocation: ToolInvocation
    ) -> Bool {
        if invocation.settings.approver == .human { return true }
        guard let state = state ?? (try? invocation.currentState()), let index = state.requestIndex(request) else {
            return false
        }
        return state.requests[index].approver == .human
    }

    /// Decides how an approve call on `request` proceeds. `question` runs only when the person decides:
    /// it checks the approval could succeed (so nobody is asked about a task that cannot be approved)
    /// and words the question.
    static func step(
        _ invocation: ToolInvocation, request: WorkRequest.ID, question: () throws(ToolFailure) -> String
    ) throws(ToolFailure) -> Step {
        guard personDecides(request, invocation) else { return .agentMayAct }
        // Over Streamable HTTP with tokens the token decides: a person's approves, an agent's never
        // does, not even through answers its client sends to a question.
        if let caller = invocation.context.authenticated {
            if caller.role == .person {
                _ = try question()
                return .approved(by: .person("person via http (token \(caller.name))"))
            }
            if invocation.wait != nil { return .awaitPerson }
            throw .refused(
                code: "human_approval_required",
                message:
                    "The person approves this work, and '\(caller.name)' holds an agent token; the person decides \(whereThePersonDecides) (or with a person token). Call again with waitSeconds to wait for their decision."
            )
        }
        if invocation.wait != nil, !invocation.context.canElicit { return .awaitPerson }
        let question = try question()
        let client = invocation.context.clientInfo?.name ?? "the client"
        if let answer = invocation.inputResponses[questionKey] {
            let person = "person via elicitation in \(client)"
            switch answer["action"]?.stringValue {
            case "accept":
                let decision = answer["content"]?["decision"]?.stringValue
                let feedback = answer["content"]?["feedback"]?.stringValue ?? ""
                if decision == "approve" { return .approved(by: .person(person)) }
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
                        "The person declined to decide; nothing changed. Ask them what is missing; they can also decide \(whereThePersonDecides)."
                )
            default:
                throw .refused(
                    code: "approval_cancelled",
                    message:
                        "The question was dismissed without an answer; nothing changed. Call again when the person is ready; they can also decide \(whereThePersonDecides)."
                )
            }
        }
        guard invocation.context.canElicit else {
            throw .refused(
                code: "human_approval_required",
                message:
                    "The person approves this work, and this client cannot ask them; the person decides \(whereThePersonDecides). Call again with waitSeconds to wait for their decision."
            )
        }
        return .ask(
            .inputRequired(
                requests: [questionKey: .elicitation(message: question, schema: schema)], state: nil))
    }

    /// The end of a wait that found no decision: the task or request still waits for the person.
    static func pending(_ subject: String) -> ToolFailure {
        .refused(
            code: "approval_pending",
            message:
                "No decision on \(subject) yet; it still waits for the person, who decides \(whereThePersonDecides). Call again with waitSeconds to keep waiting."
        )
    }
}
