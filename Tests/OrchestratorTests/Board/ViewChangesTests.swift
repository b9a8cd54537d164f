import OrchestratorBoard
import OrchestratorBoardPage
import OrchestratorCore
import OrchestratorJSON
import Testing

/// After the first view the board's event stream sends only what changed: the requests whose view
/// changed, with the order and the ones gone, and the view's own fields.
struct ViewChangesTests {
    static let now = Timestamp(millisecondsSince1970: 1_767_225_600_000)

    /// 20 requests of 50 tasks, each after the one before.
    static func thousand() throws -> OrchestratorState {
        var state = OrchestratorState()
        for number in 1...20 {
            let drafts = (1...50).map { step in
                TaskDraft(
                    title: "Step \(step) of request \(number)", description: "Do step \(step).",
                    dependsOn: step > 1 ? [.position(step - 1)] : [])
            }
            _ = try state.plan(
                originalRequest: "Request \(number)", splitDetails: nil, tasks: drafts, policy: .end, by: "agent",
                at: now)
        }
        return state
    }

    static func view(_ state: OrchestratorState, revision: Int) -> ViewChanges {
        ViewChanges(BoardView.json(state, revision: revision, stateFile: "/s.json", approver: "person"))
    }

    @Test func aChangeSendsTheRequestThatChangedAndATenthOfTheView() throws {
        var state = try Self.thousand()
        let before = Self.view(state, revision: 1)
        #expect(Self.view(state, revision: 1).change(since: before) == nil, "nothing changed, nothing sent")
        _ = try state.claim(
            WorkTask.ID("task-101"), in: WorkRequest.ID("req-3"), holder: "agent", leaseSeconds: 60, at: Self.now)
        let after = Self.view(state, revision: 2)
        let change = try #require(after.change(since: before))
        #expect(change["revision"] == 2 && change["requests"] == nil)
        #expect(change["requestChanges"]?["changed"]?.arrayValue?.map { $0["id"] } == ["req-3"])
        #expect(change["requestChanges"]?["removed"] == [])
        #expect(change["requestChanges"]?["order"]?.arrayValue?.count == 20)
        let whole = JSONWriter.bytes(from: after.view).count
        let sent = JSONWriter.bytes(from: change).count
        #expect(sent * 10 <= whole, "a change's \(sent) bytes against the view's \(whole)")
    }

    @Test func aRequestThatLeavesTheViewIsNamed() throws {
        let state = try Self.thousand()
        let before = Self.view(state, revision: 1)
        var fewer = state
        fewer.remove(requests: [WorkRequest.ID("req-20")], runs: [])
        let change = try #require(Self.view(fewer, revision: 2).change(since: before))
        #expect(change["requestChanges"]?["removed"] == ["req-20"])
        #expect(change["requestChanges"]?["changed"] == [])
    }
}
