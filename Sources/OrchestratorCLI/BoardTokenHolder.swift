package import OrchestratorCore
package import OrchestratorSystem

/// Who decides with a board token printed to whoever started the board (`board`, or `serve` without
/// a tokens file): the one rule for both.
///
/// Started by the person (at their own terminal, outside every agent's session), the token is the
/// person's. Started where an agent could have started it, it is refused while something waits for
/// the person's decision (an agent must not obtain a token that decides for the person); otherwise
/// the board starts, and its decisions are not the person's, so every plan the person approves
/// refuses them.
package enum BoardTokenHolder {
    package enum Outcome: Equatable {
        /// The token decides as this decider; `note` says why it is not the person, when it is not.
        case decides(Decider, note: String?)
        /// The start is refused (exit 77), with the sentence.
        case refused(String)
    }

    /// - Parameters:
    ///   - presence: whether the person runs the command (`PersonPresence.check`).
    ///   - personWaits: what waits for the person's decision, as a phrase ("req-1 waits for the person's
    ///     approval"), or `nil` when nothing does.
    ///   - user: the OS user's name, for history.
    package static func decide(presence: PersonPresence, personWaits: String?, user: String?) -> Outcome {
        let named = user.map { " (\($0))" } ?? ""
        guard case .absent(let reason) = presence else {
            return .decides(.person("person via board" + named), note: nil)
        }
        if let personWaits {
            return .refused("the board decides for the person, and \(personWaits), and \(reason)")
        }
        return .decides(
            .agent("agent via board" + named),
            note: "\(reason); this board's decisions are not the person's, and plans the person approves refuse them")
    }

    /// The phrase for the first active plan the person approves in `state`, if any.
    package static func waiting(in state: OrchestratorState) -> String? {
        state.requests.first { $0.status == .active && $0.approver == .human }
            .map { "\($0.id) waits for the person's approval" }
    }
}
