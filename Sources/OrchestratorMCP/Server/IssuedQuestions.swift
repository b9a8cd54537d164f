internal import OrchestratorJSON
internal import OrchestratorSystem

/// The questions this process asked in the 2026 era (`input_required`), each known by the
/// `requestState` handed to the client with it.
///
/// An answer (`inputResponses`) counts only when it comes back with the `requestState` of a question
/// asked here, for the same tool, arguments and caller, before the question expires, and only once.
/// The `requestState` is 32 random bytes from the system's secure generator, held only in this
/// process's memory, so a client cannot make one up, alter one, or reuse one. The tool's own state
/// stays here and is handed back to it with the answers. One ledger serves every conversation of a
/// process (the shared server answers stateless requests on fresh server values).
package final class IssuedQuestions: Sendable {
    /// How long a question may wait for its answer: the person's time to read and decide.
    package static let lifetimeSeconds = 15 * 60
    /// At most this many questions are remembered; the oldest are forgotten first.
    static let capacity = 4096

    private struct Question: Sendable {
        let tool: String
        let arguments: JSONValue
        let caller: String?
        let keys: Set<String>
        /// The client must still declare elicitation when it answers such a question.
        let asksPerson: Bool
        let toolState: String?
        /// Milliseconds since 1970.
        let expires: Int64
        var answered = false
    }

    /// The questions by `requestState`, and their tokens oldest first.
    private let ledger = Locked<(questions: [String: Question], order: [String])>(([:], []))

    package init() {}

    /// Records a question and returns the `requestState` that the answer must carry.
    func issue(
        tool: String, arguments: [String: JSONValue], caller: String?, keys: Set<String>, asksPerson: Bool,
        toolState: String?, now: Int64
    ) -> String {
        let token = "q1." + Secret.hex()
        ledger.withLock { ledger in
            if ledger.order.count >= Self.capacity {
                let dropped = ledger.order.count - Self.capacity + 1
                for old in ledger.order.prefix(dropped) { ledger.questions[old] = nil }
                ledger.order.removeFirst(dropped)
            }
            ledger.questions[token] = Question(
                tool: tool, arguments: .object(arguments), caller: caller, keys: keys, asksPerson: asksPerson,
                toolState: toolState,
                expires: now + Int64(Self.lifetimeSeconds) * 1000)
            ledger.order.append(token)
        }
        return token
    }

    /// Takes an answer: the tool's own state when it answers a question asked here, else the refusal.
    func redeem(
        _ token: String?, answers: Set<String>, tool: String, arguments: [String: JSONValue], caller: String?,
        canElicit: Bool, now: Int64
    ) -> Result<String?, ToolFailure> {
        guard let token else {
            return .failure(
                Self.refusal(
                    "answer_not_asked",
                    "These answers come without the requestState of a question this server asked; nothing was decided. Call the tool without inputResponses to be asked."
                ))
        }
        return ledger.withLock { ledger -> Result<String?, ToolFailure> in
            guard var question = ledger.questions[token] else {
                return .failure(
                    Self.refusal(
                        "answer_not_asked",
                        "This requestState names no question this server asked (it is made up, altered, or from another server); nothing was decided. Call the tool without inputResponses to be asked."
                    ))
            }
            guard !question.answered else {
                return .failure(
                    Self.refusal(
                        "answer_replayed",
                        "This question was already answered; an answer counts once. Call the tool without inputResponses to be asked again."
                    ))
            }
            guard now < question.expires else {
                return .failure(
                    Self.refusal(
                        "answer_expired",
                        "This question expired before the answer came (after \(Self.lifetimeSeconds / 60) minutes); nothing was decided. Call the tool without inputResponses to be asked again."
                    ))
            }
            guard question.tool == tool, question.arguments == .object(arguments), question.caller == caller,
                !answers.isEmpty, answers.isSubset(of: question.keys)
            else {
                return .failure(
                    Self.refusal(
                        "answer_altered",
                        "These answers do not match the question asked (another tool, other arguments, another caller or other questions); nothing was decided. Call the tool without inputResponses to be asked."
                    ))
            }
            guard canElicit || !question.asksPerson else {
                return .failure(
                    Self.refusal(
                        "client_cannot_answer",
                        "These answers come from a client that does not declare elicitation, so they are not the person's; nothing was decided."
                    ))
            }
            question.answered = true
            ledger.questions[token] = question
            return .success(question.toolState)
        }
    }

    private static func refusal(_ code: String, _ message: String) -> ToolFailure {
        .refused(code: code, message: message)
    }
}
