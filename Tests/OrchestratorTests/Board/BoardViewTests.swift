import OrchestratorBoardPage
import OrchestratorCore
import OrchestratorJSON
import Testing

/// What the page draws comes from one view: the person's queue by the shared rule, the graph from
/// the shared layout, the texts as they are.
struct BoardViewTests {
    private func state() throws -> OrchestratorState {
        var state = OrchestratorState()
        let now = Timestamp(millisecondsSince1970: 0)
        let drafts = [
            TaskDraft(title: "<b>One</b>", description: "first"),
            TaskDraft(title: "Two", description: "second", dependsOn: [.position(1)]),
        ]
        let request = try state.plan(
            originalRequest: "Ship", splitDetails: nil, tasks: drafts, policy: .each, by: "agent", at: now)
        _ = try state.claimNext(in: request, holder: "agent", leaseSeconds: 60, at: now)
        _ = try state.markDone(
            WorkTask.ID("task-1"), in: request, details: "did it", holder: "agent", by: "agent", at: now)
        return state
    }

    @Test func theQueueHoldsTheDoneTaskWithWhatTheAgentReported() throws {
        let view = BoardView.json(try state(), revision: 4, stateFile: "/s.json", approver: "person via board")
        let queue = try #require(view["needsYou"]?.arrayValue)
        #expect(queue.count == 1 && queue[0]["kind"] == "decide")
        #expect(queue[0]["task"]?["completedDetails"] == "did it" && queue[0]["task"]?["title"] == "<b>One</b>")
        #expect(queue[0]["task"]?["statusWords"] == "done, needs you")
    }

    /// A done task's checks go to the card: the summary, whether they still run, each one's status and tail.
    @Test func theCardCarriesTheChecks() throws {
        var state = OrchestratorState()
        let now = Timestamp(millisecondsSince1970: 0)
        let request = try state.plan(
            originalRequest: "Ship", splitDetails: nil, tasks: [TaskDraft(title: "One", description: "first")],
            policy: .each, by: "agent", at: now)
        _ = try state.claimNext(in: request, holder: "agent", leaseSeconds: 60, at: now)
        _ = try state.markDone(
            WorkTask.ID("task-1"), in: request, details: "did it", holder: "agent", by: "agent", at: now,
            checks: TaskChecks(
                round: 1,
                runs: [
                    .init(
                        name: "unit", required: true, status: .passed, exitStatus: 0, milliseconds: 840,
                        tail: "9 passed"),
                    .init(name: "lint", required: false, status: .running),
                ]))
        let view = BoardView.json(state, revision: 4, stateFile: "/s.json", approver: "person via board")
        let checks = try #require(view["needsYou"]?[0]?["task"]?["checks"])
        #expect(checks["summary"] == "running: lint" && checks["running"] == true)
        #expect(
            checks["runs"]?[0] == [
                "name": "unit", "required": true, "status": "passed", "exitStatus": 0, "milliseconds": 840,
                "tail": "9 passed",
            ])
        #expect(checks["runs"]?[1] == ["name": "lint", "required": false, "status": "running"])
    }

    @Test func theGraphIsTheSharedLayout() throws {
        let current = try state()
        let view = BoardView.json(current, revision: 4, stateFile: "/s.json", approver: "p")
        let graph = try #require(view["requests"]?[0]?["graph"])
        let layout = GraphLayout(current.requests[0].liveTasks)
        #expect(graph["width"]?.intValue == layout.width && graph["edges"]?.arrayValue?.count == layout.edges.count)
        #expect(graph["edges"]?[0]?["points"]?.arrayValue?.count == layout.edges[0].points.count)
    }

    @Test func aFullyApprovedRequestAsksToBeClosed() throws {
        var current = try state()
        let now = Timestamp(millisecondsSince1970: 1)
        _ = try current.approve(WorkTask.ID("task-1"), in: WorkRequest.ID("req-1"), by: "p", at: now)
        _ = try current.claimNext(in: nil, holder: "agent", leaseSeconds: 60, at: now)
        _ = try current.markDone(
            WorkTask.ID("task-2"), in: WorkRequest.ID("req-1"), details: "x", holder: "agent", by: "agent", at: now)
        _ = try current.approve(WorkTask.ID("task-2"), in: WorkRequest.ID("req-1"), by: "p", at: now)
        let queue = BoardView.json(current, revision: 9, stateFile: "/s.json", approver: "p")["needsYou"]?.arrayValue
        #expect(queue?.count == 1 && queue?[0]["kind"] == "close" && queue?[0]["taskCount"] == 2)
    }
}
