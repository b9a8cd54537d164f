import Foundation
import OrchestratorCore
import OrchestratorJSON
import Testing

/// The command line as the person's view (issue 16, item 7): `show`, what waits for the person, the
/// terminal's width, `NO_COLOR`, and the same table in a pipe as on a terminal.
@Suite struct PersonViewTests {
    static func longPlan() -> (ServerHarness, CLIHarness) {
        var server = ServerHarness()
        server.initialize()
        _ = server.call(
            "request_planning",
            [
                "originalRequest": .string("Rewrite " + String(repeating: "the whole reporting pipeline ", count: 4)),
                "tasks": [
                    [
                        "title": .string("Replace " + String(repeating: "every legacy exporter ", count: 5)),
                        "description": "Port them.\nAll of them.",
                    ],
                    ["title": "Test", "description": "d", "dependsOn": [1]],
                ],
            ])
        _ = server.call("get_next_task")
        _ = server.call(
            "mark_task_done",
            ["requestId": "req-1", "taskId": "task-1", "completedDetails": "Ported 12 exporters;\nCSV kept."])
        return (server, CLIHarness(statePath: server.statePath))
    }

    static func stripped(_ text: String) -> String {
        text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    }

    @Test func statusFitsTheTerminalAndCutsLongTitles() {
        let (_, cli) = Self.longPlan()
        #expect(cli.run(["status"], terminal: true, width: 80) == 0)
        let lines = Self.stripped(cli.out).split(separator: "\n", omittingEmptySubsequences: false)
        // Only the state file's path may be wider: commands wrap as the shell reads them.
        for line in lines where !line.hasPrefix("State file") && !line.contains("/state.json") {
            #expect(line.count <= 80, "\(line.count): \(line)")
        }
        #expect(cli.out.contains("…"))
        let table = lines.filter { $0.hasPrefix("#  task") || $0.hasPrefix("1  task-1") || $0.hasPrefix("2  task-2") }
        #expect(table.count == 3)
        // Columns stay aligned: every row's status starts where the header's does.
        let column = table[0].range(of: "status")!.lowerBound.utf16Offset(in: table[0])
        #expect(table.dropFirst().allSatisfy { String($0).utf16.count > column })
        #expect(table[1].contains("done, needs you") && table[2].contains("task-1  pending"))
        // Without a width (a pipe) titles are kept whole.
        #expect(cli.run(["status"]) == 0)
        #expect(cli.out.contains(String(repeating: "every legacy exporter ", count: 4)))
    }

    @Test func noColorAndPipesShowTheSameTableAsTheTerminal() {
        let (_, cli) = Self.longPlan()
        #expect(cli.run(["status"], terminal: true, width: 400) == 0)
        let terminal = cli.out
        #expect(terminal.contains("\u{1B}["))
        #expect(cli.run(["status"], terminal: true, width: 400, environment: ["USER": "ada", "NO_COLOR": "1"]) == 0)
        #expect(!cli.out.contains("\u{1B}["), "NO_COLOR is honoured on a terminal")
        #expect(cli.out == Self.stripped(terminal))
        #expect(cli.run(["status"]) == 0)
        #expect(cli.out == Self.stripped(terminal), "a pipe prints the same table, after column included")
    }

    @Test func showWrapsAtWordsUnderItsIndentAndSaysTimesAsAPersonDoes() throws {
        var (server, cli) = Self.longPlan()
        _ = server.call(
            "update_task",
            [
                "requestId": "req-1", "taskId": "task-2",
                "description": .string(String(repeating: "Measure the exporter against the old one. ", count: 3)),
            ])
        #expect(cli.run(["show", "task-2"], terminal: true, width: 40) == 0)
        let lines = Self.stripped(cli.out).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(cli.out)")
        let description = try #require(lines.firstIndex(of: "Description:"), "\(cli.out)")
        #expect(
            Array(lines[description + 1...description + 4]) == [
                "  Measure the exporter against the old", "  one. Measure the exporter against the",
                "  old one. Measure the exporter against", "  the old one. ",
            ], "\(cli.out)")
        // Times are relative to now, or as recorded with --utc.
        let history = lines.drop { $0 != "History:" }.dropFirst()
        #expect(history.first?.hasPrefix("  just now ") == true, "\(history)")
        #expect(cli.run(["show", "task-2", "--utc"]) == 0)
        #expect(cli.out.contains(#/History:\n  20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /#), "\(cli.out)")
    }

    @Test func showPrintsTheTaskInFullWithTheCommandThatDecidesIt() {
        let (_, cli) = Self.longPlan()
        #expect(cli.run(["show", "task-1"]) == 0)
        let out = cli.out
        #expect(out.hasPrefix("task-1 of req-1: Replace every legacy exporter"))
        #expect(out.contains("Status: done, needs you · Priority: medium"))
        #expect(out.contains("Description:\n  Port them.\n  All of them."))
        #expect(out.contains("What was done:\n  Ported 12 exporters;\n  CSV kept."))
        #expect(
            out.contains("History:\n  ")
                && out.contains(": marked_done (in progress → done) — Ported 12 exporters; CSV kept."))
        #expect(
            out.hasSuffix(
                """
                Waiting for you:
                  mcp-orchestrator approve task-1 --state \(cli.statePath)
                  mcp-orchestrator reject task-1 --feedback 'what to change' --state \(cli.statePath)

                """), "\(out)")
        #expect(cli.run(["show", "task-9"]) == 1)
        #expect(cli.err.contains("No task has the id task-9. Run `mcp-orchestrator status --all`"), "\(cli.err)")
    }
}
