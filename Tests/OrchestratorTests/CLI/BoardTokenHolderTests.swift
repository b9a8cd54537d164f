import OrchestratorCLI
import OrchestratorCore
import OrchestratorSystem
import Testing

/// The one rule for a board token printed to whoever started the board or the shared server.
struct BoardTokenHolderTests {
    static let absent = PersonPresence.absent("this command has no controlling terminal")

    @Test func thePersonsTerminalMakesThePersonsToken() {
        let outcome = BoardTokenHolder.decide(
            presence: .person(terminal: "/dev/pts/3", user: "ada"), personWaits: "req-1 waits", user: "ada")
        #expect(outcome == .decides(.person("person via board (ada)"), note: nil))
    }

    @Test func whereAnAgentRunsNoTokenIsMadeWhileThePersonIsWaitedFor() {
        let outcome = BoardTokenHolder.decide(
            presence: Self.absent, personWaits: "req-1 waits for the person's approval", user: "ada")
        #expect(
            outcome
                == .refused(
                    "the board decides for the person, and req-1 waits for the person's approval, and this command has no controlling terminal"
                ))
    }

    @Test func otherwiseTheTokenIsNotThePersons() {
        guard
            case .decides(let decider, let note) = BoardTokenHolder.decide(
                presence: Self.absent, personWaits: nil, user: "ada")
        else {
            Issue.record("the board should start")
            return
        }
        #expect(decider == .agent("agent via board (ada)") && !decider.isPerson)
        #expect(note?.contains("this board's decisions are not the person's") == true)
    }
}
