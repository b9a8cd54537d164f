import OrchestratorCore
import OrchestratorTools
import Testing

/// The use cases over an in-memory persistence: the rules that belong to no single operation live
/// in the orchestrator once — leases, the approval policy of a new plan, durability, closing a plan.
@Suite struct OrchestratorUseCaseTests {
    static func orchestrator(
        approver: ApproverMode = .agent, clock: TestClock = TestClock(),
        persistence: (any StatePersistence)? = nil
    ) -> Orchestrator {
        Orchestrator(
            persistence: persistence ?? TestStore.useCasePersistence(), clock: clock.wallClock, leaseSeconds: 60,
            approver: approver)
    }

    static let drafts = [SchedulingTests.draft("a"), SchedulingTests.draft("b", after: [.position(1)])]

    /// One table for every front end: what was asked for, the set's default, and who approves.
    @Test(arguments: [
        (ApprovalPolicy?.none, false, ApproverMode.agent, ApprovalPolicy?.some(.each)),
        (nil, true, .agent, .auto),
        (nil, false, .human, .each),
        (nil, true, .human, .each),
        (.end, false, .human, .end),
        (.end, true, .agent, .end),
        (.auto, false, .agent, .auto),
        (.auto, true, .human, nil),
    ])
    func theApprovalPolicyIsChosenInOnePlace(
        requested: ApprovalPolicy?, unattended: Bool, approver: ApproverMode, expected: ApprovalPolicy?
    ) throws {
        let orchestrator = Self.orchestrator(approver: approver)
        let planned = Result { () throws(ChangeFailure) in
            try orchestrator.plan(
                "r", splitDetails: nil, tasks: Self.drafts, policy: requested, unattended: unattended, by: "a")
        }
        switch (planned, expected) {
        case (.success(let committed), let policy?):
            #expect(committed.state.requests[0].approvalPolicy == policy)
        case (.failure(let failure), nil):
            #expect(failure == .refused(.policyNeedsAgentApprover))
        default:
            Issue.record("got \(planned), expected \(String(describing: expected))")
        }
    }

    @Test func anExpiredLeaseIsReturnedBeforeEveryChangeAndEveryRead() throws {
        let clock = TestClock()
        let orchestrator = Self.orchestrator(clock: clock)
        let request = try orchestrator.plan("r", splitDetails: nil, tasks: Self.drafts, policy: nil, by: "a").durable()
        _ = try orchestrator.claimNext(in: request, holder: "one").durable()
        clock.advance(seconds: 61)
        #expect(try orchestrator.read().state.requests[0].tasks[0].status == .pending, "a read shows it pending")
        let second = try orchestrator.claimNext(in: request, holder: "two").durable()
        #expect(second == .claim(request, WorkTask.ID("task-1")), "another holder may take it")
    }

    @Test func aChangeIsReportedOnlyOnceItsDurabilityIsAwaited() throws {
        let persistence = InMemoryPersistence()
        let orchestrator = Self.orchestrator(persistence: persistence)
        let full = PersistenceError(code: "state_write_failed", description: "disk full")
        persistence.failNextFlush = full
        let committed = try orchestrator.plan("r", splitDetails: nil, tasks: Self.drafts, policy: nil, by: "a")
        #expect(throws: full) { try committed.durable() }
        #expect(committed.durability.wait() == full, "waiting again gives the same answer")
        let unchanged = try orchestrator.claimNext(in: nil, holder: "x")
        _ = try orchestrator.claimNext(in: nil, holder: "x")
        #expect(unchanged.durability.wait() == nil)
        #expect(persistence.commits == 2, "a claim that hands back the same task writes nothing")
    }

    @Test func reportingTheLastSubtaskClosesThePlanOnlyWhenEverythingIsApproved() throws {
        let orchestrator = Self.orchestrator()
        let request = try orchestrator.plan(
            "r", splitDetails: nil, tasks: Self.drafts, policy: nil, unattended: true, by: "a"
        )
        .durable()
        for task: WorkTask.ID in ["task-1", "task-2"] {
            _ = try orchestrator.claim(task, in: nil, holder: "me").durable()
            let outcome = try orchestrator.reportSubtask(task, .done(details: "done", closingPlan: true), by: "me")
                .durable()
            #expect(outcome.request == request && outcome.closedPlan == (task == "task-2"))
        }
        #expect(try orchestrator.read().state.requests[0].status == .completed)
    }

    @Test func looseTasksLiveInTheirOwnRequestAndCheckTheirDependenciesEverywhere() throws {
        let orchestrator = Self.orchestrator(approver: .human)
        let first = try orchestrator.createLooseTask("build", description: "d", dependencies: [], by: "a").durable()
        let second = try orchestrator.createLooseTask("test", description: "d", dependencies: ["build"], by: "a")
            .durable()
        #expect(first == second)
        #expect(try orchestrator.read().state.requests[0].approvalPolicy == .each, "a person approves under human")
        #expect(throws: ChangeFailure.refused(.unknownDependency("nope", of: "Task ship"))) {
            try orchestrator.createLooseTask("ship", description: "d", dependencies: ["nope"], by: "a")
        }
        #expect(try orchestrator.claimNextLooseTask(holder: "i").durable() == .claim(first, "build"))
    }

    @Test func checksChangeNothingAndGiveTheRefusalTheDecisionWouldGet() throws {
        let persistence = InMemoryPersistence()
        let orchestrator = Self.orchestrator(persistence: persistence)
        let request = try orchestrator.plan("r", splitDetails: nil, tasks: Self.drafts, policy: nil, by: "a").durable()
        #expect(throws: ChangeFailure.refused(.taskNotDone("task-1", .pending))) {
            try orchestrator.checkApproval(of: "task-1", in: request)
        }
        _ = try orchestrator.claimNext(in: request, holder: "me").durable()
        _ = try orchestrator.markDone("task-1", in: request, details: "did it", holder: "me", by: "me").durable()
        let commits = persistence.commits
        #expect(try orchestrator.checkApproval(of: "task-1", in: request).completedDetails == "did it")
        #expect(
            throws: ChangeFailure.refused(
                .requestNotFinished(request, unapproved: ["task-1": .done, "task-2": .pending]))
        ) {
            try orchestrator.checkCompletion(of: request)
        }
        #expect(persistence.commits == commits)
    }
}

/// Finding a task by its owner, and still finding it when code added it behind the hint's back.
struct TaskLocationTests {
    @Test func aTaskIsFoundByItsRequestAndStillWhenAddedDirectly() throws {
        var state = OrchestratorState()
        let now = Timestamp(millisecondsSince1970: 0)
        for number in 1...3 {
            _ = try state.plan(
                originalRequest: "R\(number)", splitDetails: nil,
                tasks: [TaskDraft(title: "A", description: "a"), TaskDraft(title: "B", description: "b")],
                policy: .each, by: "t", at: now)
        }
        #expect(state.locate(WorkTask.ID("task-6"))! == (2, 1))
        state.appendTasks([WorkTask(id: WorkTask.ID("hand-made"), title: "H", description: "h")], toRequestAt: 0)
        #expect(state.locate(WorkTask.ID("hand-made"))! == (0, 2))
        #expect(state.locate(WorkTask.ID("nowhere")) == nil)
    }
}
