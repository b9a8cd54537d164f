import OrchestratorCore
import Testing

/// Search finds what a person remembers: every word in any order, case and accents aside, a word or
/// the start of one, in every text a task carries and its request's, live and archived, best first.
struct TaskSearchTests {
    static let now = Timestamp(millisecondsSince1970: 1_767_225_600_000)

    static func state() throws -> OrchestratorState {
        var state = OrchestratorState()
        _ = try state.plan(
            originalRequest: "Prometheus observability for the shop", splitDetails: nil,
            tasks: [
                TaskDraft(title: "Export counters", description: "Expose /metrics for the Go handlers."),
                TaskDraft(title: "Metrics dashboard", description: "A Grafana board."),
                TaskDraft(title: "Café menu", description: "Prices for the crème brûlée."),
            ], policy: .each, by: "agent", at: now)
        let request = state.requests[0].id
        _ = try state.claim(WorkTask.ID("task-1"), in: request, holder: "agent", leaseSeconds: 60, at: now)
        _ = try state.markDone(
            WorkTask.ID("task-1"), in: request, details: "Used a histogram for latency.", holder: "agent",
            by: "agent", at: now)
        try state.reject(
            WorkTask.ID("task-1"), in: request, feedback: "Counters, not histograms.", leaseSeconds: 60, by: "person",
            at: now)
        return state
    }

    static func found(_ query: String, archived: [WorkRequest] = []) throws -> [String] {
        TaskSearch.matches(query, live: try state().requests, archived: archived).map(\.task.id.rawValue)
    }

    @Test func everyWordInAnyOrderCaseAndAccentsAside() throws {
        #expect(try Self.found("metrics Go") == ["task-1"], "'metrics for the Go handlers'")
        #expect(try Self.found("go METRICS") == ["task-1"])
        #expect(try Self.found("cafe creme brulee") == ["task-3"])
        #expect(try Self.found("CAFÉ") == ["task-3"])
        #expect(try Self.found("metrics kubernetes") == [], "every word, not any")
        #expect(try Self.found("  ") == [])
    }

    @Test func theStartOfAWordMatchesAndAWholeWordCountsMore() throws {
        #expect(try Self.found("export") == ["task-1"], "'Export' and 'Expose'? only the start of a word")
        #expect(try Self.found("dash") == ["task-2"])
    }

    @Test func theRequestsTextHistoryAndFeedbackAreSearchedTheTitleCountsMost() throws {
        // An earlier, rejected report is no longer the task's report; the history keeps it.
        let histogram = TaskSearch.matches("latency histogram", live: try Self.state().requests, archived: [])
        #expect(histogram.map(\.task.id.rawValue) == ["task-1"] && histogram[0].field == "history", "\(histogram)")
        #expect(histogram[0].excerpt == "Used a histogram for latency.")
        let prometheus = TaskSearch.matches("prometheus", live: try Self.state().requests, archived: [])
        #expect(
            prometheus.map(\.task.id.rawValue) == ["task-1", "task-2", "task-3"] && prometheus[0].field == "request")
        // "metrics" is in task-2's title and task-1's description: the title first.
        let metrics = TaskSearch.matches("metrics", live: try Self.state().requests, archived: [])
        #expect(metrics.map(\.task.id.rawValue).prefix(2) == ["task-2", "task-1"], "\(metrics.map(\.score))")
    }

    @Test func liveBeforeArchivedAmongEqualsAndAtMostTheLimit() throws {
        var old = try Self.state()
        let archived = old.requests
        old = try Self.state()
        let matches = TaskSearch.matches("prometheus", live: old.requests, archived: archived, limit: 4)
        #expect(matches.map(\.archived) == [false, false, false, true])
    }
}
