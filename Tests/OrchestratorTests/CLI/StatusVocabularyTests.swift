import Foundation
import OrchestratorBoardPage
import OrchestratorCore
import OrchestratorJSON
import Testing

/// One vocabulary of states everywhere the person reads them: a done task that waits for them is
/// "done, needs you" in the same shade on the board, in its graph, in the export and (red) in the
/// terminal; a task sent back says so in every one.
struct StatusVocabularyTests {
    @Test func needsYouLooksTheSameInEveryView() throws {
        let (_, cli) = ApprovalCommandTests.setUp()
        let needs = StatusPalette.fill(.needsYou)
        #expect(BoardStyle.text.contains("--needs:\(needs)"))
        // The export's table and graph.
        #expect(cli.run(["export", "--format", "html"]) == 0)
        #expect(cli.out.contains("background:\(needs)\">done, needs you</span>"), "\(cli.out.prefix(400))")
        #expect(cli.out.contains("fill=\"\(needs)\""), "the graph's box")
        #expect(cli.out.contains("task-1 · done, needs you"))
        // The terminal.
        #expect(cli.run(["status"], terminal: true) == 0)
        #expect(cli.out.contains("\u{1B}[\(StatusPalette.terminal(.needsYou))mdone, needs you"))
    }
}
