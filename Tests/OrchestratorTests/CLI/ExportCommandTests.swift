import Foundation
import OrchestratorCore
import OrchestratorFormat
import OrchestratorJSON
import OrchestratorStorage
import OrchestratorSystem
import Testing

/// `export`: Markdown, a JSON export that reads back with the state file's decoder, and one
/// self-contained HTML page with the dependency graph as inline SVG.
@Suite struct ExportCommandTests {
    /// A store with two requests, dependencies, every status and text that needs escaping.
    static func sampleStore() -> CLIHarness {
        var server = ServerHarness(approver: .agent)
        server.initialize()
        _ = server.call(
            "request_planning",
            [
                "originalRequest": "Ship <b>v2</b> & \"friends\"",
                "tasks": [
                    ["title": "Design | plan", "description": "d"],
                    ["title": "Build", "description": "d", "dependsOn": [1]],
                    ["title": "Test", "description": "d", "dependsOn": [2]],
                    ["title": "Docs", "description": "d", "dependsOn": [1]],
                ], "approvalPolicy": "end",
            ])
        _ = server.call("get_next_task")
        _ = server.call(
            "mark_task_done",
            ["requestId": "req-1", "taskId": "task-1", "completedDetails": "<script>alert(1)</script>"])
        _ = server.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"])
        _ = server.call("get_next_task")
        _ = server.call("mark_task_done", ["requestId": "req-1", "taskId": "task-2", "completedDetails": "built"])
        _ = server.call("get_next_task")
        _ = server.call(
            "request_planning", ["originalRequest": "Second", "tasks": [["title": "Only", "description": "d"]]])
        return CLIHarness(statePath: server.statePath)
    }

    @Test(.disabled(if: TestStore.isDatabase, "reads the state file itself"))
    func jsonRoundTripsThroughTheStateDecoder() throws {
        let cli = Self.sampleStore()
        #expect(cli.run(["export", "--format", "json"]) == 0)
        let exported = try StateDecoder.decode(JSONParser.parse(cli.out))
        let stored = try StateDecoder.decode(JSONParser.parse(String(contentsOfFile: cli.statePath, encoding: .utf8)))
        #expect(exported.state == stored.state)
        #expect(exported.revision == stored.revision)
        #expect(cli.run(["export", "req-2", "--format", "json"]) == 0)
        #expect(
            try StateDecoder.decode(JSONParser.parse(cli.out)).state.requests.map(\.id) == [WorkRequest.ID("req-2")])
    }

    @Test func markdownHasTheTableAndHistory() {
        let cli = Self.sampleStore()
        #expect(cli.run(["export", "req-1", "--format", "markdown"]) == 0)
        #expect(cli.out.contains("| 1 | task-1 | Design \\| plan | medium | — | approved | harness |"))
        #expect(cli.out.contains("| 3 | task-3 | Test | medium | task-2 | in progress | harness |"))
        #expect(cli.out.contains("  - 2026-11-21T09:00:00.000Z harness: approved (done → approved)"))
        #expect(cli.out.contains("— &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(cli.out.contains("## req-1: Ship &lt;b&gt;v2&lt;/b&gt; &amp; \"friends\""))
        #expect(!cli.out.contains("req-2"))
    }

    @Test func htmlIsSelfContainedEscapedAndDrawsEveryTaskAndEdge() throws {
        let cli = Self.sampleStore()
        let file = TemporaryDirectory.make() + "/report.html"
        #expect(cli.run(["export", "--format", "html", "--output", file]) == 0)
        #expect(cli.err.contains("Wrote 2 requests as html to \(file)"))
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "http://", "https://", "<link", "@import", "src="] where forbidden != "http://" {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(
            !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"),
            "nothing fetched from elsewhere")
        #expect(html.contains("Ship &lt;b&gt;v2&lt;/b&gt; &amp; &quot;friends&quot;"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<g class=\"node\"").count - 1 == 5)
        #expect(html.components(separatedBy: "class=\"edge\"").count - 1 == 3)
        #expect(html.contains(#"data-task="task-3" data-status="in_progress""#))
        // Layers: task-1 first, task-2 and task-4 one to the right, task-3 two.
        #expect(html.contains(#"<g class="node" data-task="task-4" data-status="pending">"#))
        #expect(html.contains(#"<rect x="508""#), "a third column for task-3")
    }

    @Test func badArgumentsAreUsageErrors() {
        let cli = CLIHarness()
        #expect(cli.run(["export"]) == 64)
        #expect(cli.err.contains("--format is required"))
        #expect(cli.run(["export", "--format", "pdf"]) == 64)
        #expect(cli.err.contains("--format takes markdown, json or html, not 'pdf'"))
        #expect(cli.run(["export", "req-1", "--format", "json"]) == 1)
        #expect(cli.err.contains(TestStore.isDatabase ? "holds no plans yet" : "no state file at \(cli.statePath) yet"))
        let sample = Self.sampleStore()
        #expect(sample.run(["export", "--format", "json", "--output", "/nonexistent/dir/x.json"]) == 74)
        #expect(
            sample.err.contains("cannot create /nonexistent/dir/x.json.tmp: no such file or directory (ENOENT)"),
            "\(sample.err)")
    }
}
