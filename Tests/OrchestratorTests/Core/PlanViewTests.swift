import OrchestratorCore
import Testing

/// The plan's rules in their one home: what satisfies a dependency under each policy, what is ready
/// to claim, what the gate waits on, and what waits for the person's decision.
struct PlanViewTests {
    /// A request of three tasks, two depending on the first, with the first in `status`.
    static func request(first status: WorkTask.Status, policy: ApprovalPolicy) throws -> WorkRequest {
        var state = OrchestratorState()
        let id = try SchedulingTests.plan(
            &state,
            [
                SchedulingTests.draft("a"), SchedulingTests.draft("b", after: [.position(1)]),
                SchedulingTests.draft("c", after: [.position(1), .position(2)]),
            ], policy: policy)
        var request = try #require(state.requests.first { $0.id == id })
        request.tasks[0].status = status
        return request
    }

    @Test(arguments: [
        (ApprovalPolicy.each, WorkTask.Status.done, false), (.each, .approved, true), (.end, .done, true),
        (.end, .inProgress, false), (.auto, .done, true), (.auto, .pending, false),
    ])
    func aDependencyIsSatisfiedByWhatThePolicySays(policy: ApprovalPolicy, status: WorkTask.Status, satisfied: Bool)
        throws
    {
        var plan = PlanView(try Self.request(first: status, policy: policy))
        #expect(plan.satisfies(status) == satisfied)
        let ready = plan.isReady(1)
        let unmet = plan.unmetDependencies(of: 1)
        let dependents = plan.readyDependents(of: WorkTask.ID("task-1"))
        // task-3 also waits on task-2, which is pending.
        let lastReady = plan.isReady(2)
        let lastUnmet = plan.unmetDependencies(of: 2)
        #expect(ready == satisfied)
        #expect(unmet == (satisfied ? [] : [WorkTask.ID("task-1")]))
        #expect(dependents == (satisfied ? [WorkTask.ID("task-2")] : []))
        #expect(!lastReady)
        #expect(lastUnmet.contains(WorkTask.ID("task-2")))
    }

    @Test func onlyEachGatesAndOnlyAutoDecidesByItself() throws {
        #expect(PlanView(try Self.request(first: .done, policy: .each)).gate == [WorkTask.ID("task-1")])
        #expect(PlanView(try Self.request(first: .done, policy: .end)).gate.isEmpty)
        #expect(PlanView(try Self.request(first: .approved, policy: .each)).gate.isEmpty)
        #expect(PlanView.awaitsDecision(.done, under: .each) && PlanView.awaitsDecision(.done, under: .end))
        #expect(!PlanView.awaitsDecision(.done, under: .auto) && !PlanView.awaitsDecision(.approved, under: .each))
    }

    @Test func aDeletedTaskIsNeverReadyNorSatisfiesAnything() throws {
        var request = try Self.request(first: .approved, policy: .each)
        request.tasks[0].deletedAt = SchedulingTests.start
        var plan = PlanView(request)
        let ready = plan.isReady(1)
        let unmet = plan.unmetDependencies(of: 1)
        #expect(!ready)
        #expect(unmet == [WorkTask.ID("task-1")])
        request.tasks[1].deletedAt = SchedulingTests.start
        var withoutB = PlanView(request)
        let deletedReady = withoutB.isReady(1)
        #expect(!deletedReady)
    }
}
