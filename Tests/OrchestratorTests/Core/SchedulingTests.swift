import OrchestratorCore
import Testing

/// Next-task selection, gates under each policy, leases with an injected clock.
struct SchedulingTests {
    static let start = Timestamp(millisecondsSince1970: 1_795_251_600_000)

    static func plan(
        _ state: inout OrchestratorState, _ drafts: [TaskDraft], policy: ApprovalPolicy = .each
    ) throws -> WorkRequest.ID {
        try state.plan(
            originalRequest: "Request", splitDetails: nil, tasks: drafts, policy: policy, by: "planner", at: start)
    }

    static func draft(_ title: String, _ priority: Priority = .medium, after: [TaskDraft.Reference] = []) -> TaskDraft {
        TaskDraft(title: title, description: "Do \(title)", dependsOn: after, priority: priority)
    }

    func claimed(_ selection: NextTaskSelection) -> String? {
        switch selection {
        case .claim(_, let task), .resume(_, let task): task.rawValue
        default: nil
        }
    }

    @Test func priorityComesFirstThenPlanOrder() throws {
        var state = OrchestratorState()
        _ = try Self.plan(
            &state,
            [Self.draft("a", .low), Self.draft("b"), Self.draft("c", .high), Self.draft("d", .high), Self.draft("e")],
            policy: .auto)
        var order: [String] = []
        for _ in 0..<5 {
            let selection = try state.claimNext(in: nil, holder: "agent", leaseSeconds: 60, at: Self.start)
            let task = try #require(claimed(selection))
            order.append(task)
            _ = try state.markDone(
                WorkTask.ID(task), in: WorkRequest.ID("req-1"), details: "ok", holder: nil, by: "agent", at: Self.start)
        }
        #expect(order == ["task-3", "task-4", "task-2", "task-5", "task-1"])
        #expect(
            try state.claimNext(in: nil, holder: "agent", leaseSeconds: 60, at: Self.start)
                == .readyForCompletion(WorkRequest.ID("req-1")))
    }

    @Test func aHighPriorityTaskWaitsForItsDependencies() throws {
        var state = OrchestratorState()
        _ = try Self.plan(
            &state,
            [
                Self.draft("base", .low), Self.draft("urgent", .high, after: [.position(1)]),
                Self.draft("other", .medium),
            ])
        #expect(claimed(try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start)) == "task-3")
        #expect(claimed(try state.claimNext(in: nil, holder: "b", leaseSeconds: 60, at: Self.start)) == "task-1")
    }

    @Test func theOldestActiveRequestIsServedFirst() throws {
        var state = OrchestratorState()
        _ = try Self.plan(&state, [Self.draft("old", .low)])
        _ = try Self.plan(&state, [Self.draft("new", .high)])
        #expect(
            try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start)
                == .claim(WorkRequest.ID("req-1"), WorkTask.ID("task-1")))
        #expect(
            try state.claimNext(in: WorkRequest.ID("req-2"), holder: "b", leaseSeconds: 60, at: Self.start)
                == .claim(WorkRequest.ID("req-2"), WorkTask.ID("task-2")))
    }

    @Test func underEachTheRequestIsGatedUntilApproval() throws {
        var state = OrchestratorState()
        let request = try Self.plan(&state, [Self.draft("one"), Self.draft("two")])
        _ = try state.claimNext(in: request, holder: "a", leaseSeconds: 60, at: Self.start)
        let effect = try state.markDone(
            WorkTask.ID("task-1"), in: request, details: "did it", holder: nil, by: "a", at: Self.start)
        #expect(effect.unlocked.isEmpty)
        #expect(
            try state.claimNext(in: request, holder: "a", leaseSeconds: 60, at: Self.start)
                == .awaitingApproval(request, [WorkTask.ID("task-1")]))
        #expect(
            try state.claimNext(in: request, holder: "b", leaseSeconds: 60, at: Self.start)
                == .awaitingApproval(request, [WorkTask.ID("task-1")]))
        _ = try state.approve(WorkTask.ID("task-1"), in: request, by: "reviewer", at: Self.start)
        #expect(
            try state.claimNext(in: request, holder: "a", leaseSeconds: 60, at: Self.start)
                == .claim(request, WorkTask.ID("task-2")))
    }

    @Test func underEndDoneSatisfiesDependenciesAndApprovalComesBeforeCompletion() throws {
        var state = OrchestratorState()
        let request = try Self.plan(
            &state, [Self.draft("one"), Self.draft("two", after: [.position(1)])], policy: .end)
        _ = try state.claimNext(in: request, holder: "a", leaseSeconds: 60, at: Self.start)
        let effect = try state.markDone(
            WorkTask.ID("task-1"), in: request, details: "did it", holder: nil, by: "a", at: Self.start)
        #expect(effect.unlocked == [WorkTask.ID("task-2")])
        #expect(
            try state.claimNext(in: request, holder: "a", leaseSeconds: 60, at: Self.start)
                == .claim(request, WorkTask.ID("task-2")))
        _ = try state.markDone(
            WorkTask.ID("task-2"), in: request, details: "did it", holder: nil, by: "a", at: Self.start)
        #expect(
            try state.claimNext(in: request, holder: "a", leaseSeconds: 60, at: Self.start)
                == .awaitingApproval(request, [WorkTask.ID("task-1"), WorkTask.ID("task-2")]))
        #expect(
            throws: OrchestratorError.requestNotFinished(
                request, unapproved: [WorkTask.ID("task-1"): .done, WorkTask.ID("task-2"): .done])
        ) {
            try state.completeRequest(request, by: "a", at: Self.start)
        }
        for id in ["task-1", "task-2"] { _ = try state.approve(WorkTask.ID(id), in: request, by: "r", at: Self.start) }
        try state.completeRequest(request, by: "r", at: Self.start)
        #expect(state.requests[0].status == .completed)
    }

    @Test func underAutoDoneIsApprovedAtOnce() throws {
        var state = OrchestratorState()
        let request = try Self.plan(
            &state, [Self.draft("one"), Self.draft("two", after: [.position(1)])], policy: .auto)
        _ = try state.claimNext(in: request, holder: "a", leaseSeconds: 60, at: Self.start)
        let effect = try state.markDone(
            WorkTask.ID("task-1"), in: request, details: "did it", holder: nil, by: "a", at: Self.start)
        #expect(effect.unlocked == [WorkTask.ID("task-2")])
        #expect(effect.autoApproved)
        #expect(state.requests[0].tasks[0].status == .approved)
        #expect(state.requests[0].tasks[0].history.map(\.actor) == ["planner", "a", "a", "auto policy"])
    }

    @Test func anInstanceThatHoldsATaskGetsTheSameTaskBack() throws {
        var state = OrchestratorState()
        let request = try Self.plan(&state, [Self.draft("one"), Self.draft("two")])
        #expect(
            try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start)
                == .claim(request, WorkTask.ID("task-1")))
        #expect(
            try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start)
                == .resume(request, WorkTask.ID("task-1")))
        #expect(
            try state.claimNext(in: nil, holder: "b", leaseSeconds: 60, at: Self.start)
                == .claim(request, WorkTask.ID("task-2")))
        #expect(
            try state.claimNext(in: nil, holder: "c", leaseSeconds: 60, at: Self.start)
                == .waiting(request, inProgress: [WorkTask.ID("task-1"), WorkTask.ID("task-2")]))
    }

    @Test func anExpiredLeaseReturnsTheTaskToPending() throws {
        var state = OrchestratorState()
        let request = try Self.plan(&state, [Self.draft("one")])
        _ = try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start)
        #expect(
            try state.claimNext(in: nil, holder: "b", leaseSeconds: 60, at: Self.start.adding(seconds: 59))
                == .waiting(request, inProgress: [WorkTask.ID("task-1")]))
        let later = Self.start.adding(seconds: 60)
        #expect(
            try state.claimNext(in: nil, holder: "b", leaseSeconds: 60, at: later)
                == .claim(request, WorkTask.ID("task-1")))
        let task = state.requests[0].tasks[0]
        #expect(task.assignee == "b")
        #expect(task.history.map(\.action) == [.planned, .claimed, .leaseExpired, .claimed])
        #expect(task.history[2].actor == "server")
        // The first holder lost it: finishing as that instance is refused while b's lease runs.
        #expect(throws: OrchestratorError.taskHeldByOther(task.id, holder: "b", until: later.adding(seconds: 60))) {
            _ = try state.markDone(task.id, in: request, details: "late", holder: "a", by: "a", at: later)
        }
    }

    @Test func resumingRenewsTheLease() throws {
        var state = OrchestratorState()
        _ = try Self.plan(&state, [Self.draft("one")])
        _ = try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start)
        _ = try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start.adding(seconds: 50))
        #expect(state.requests[0].tasks[0].claimExpiresAt == Self.start.adding(seconds: 110))
    }

    @Test func rejectingSendsTheTaskBackWithFeedback() throws {
        var state = OrchestratorState()
        let request = try Self.plan(&state, [Self.draft("one")])
        _ = try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start)
        _ = try state.markDone(
            WorkTask.ID("task-1"), in: request, details: "first try", holder: "a", by: "a", at: Self.start)
        try state.reject(
            WorkTask.ID("task-1"), in: request, feedback: "needs tests", leaseSeconds: 60, by: "reviewer",
            at: Self.start)
        let task = state.requests[0].tasks[0]
        #expect(task.status == .inProgress)
        #expect(task.feedback == "needs tests")
        #expect(
            task.history.last
                == HistoryEntry(
                    at: Self.start, actor: "reviewer", action: .rejected, from: .done, to: .inProgress,
                    note: "needs tests"))
        #expect(
            try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start)
                == .resume(request, WorkTask.ID("task-1")))
    }

    @Test func aCompletedRequestRefusesEveryChange() throws {
        var state = OrchestratorState()
        let request = try Self.plan(&state, [Self.draft("one")], policy: .auto)
        _ = try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start)
        _ = try state.markDone(WorkTask.ID("task-1"), in: request, details: "ok", holder: nil, by: "a", at: Self.start)
        try state.completeRequest(request, by: "a", at: Self.start)
        let task = WorkTask.ID("task-1")
        let attempts: [(inout OrchestratorState) throws -> Void] = [
            { state in _ = try state.claimNext(in: request, holder: "a", leaseSeconds: 60, at: Self.start) },
            { state in _ = try state.markDone(task, in: request, details: "x", holder: nil, by: "a", at: Self.start) },
            { state in _ = try state.approve(task, in: request, by: "a", at: Self.start) },
            { state in try state.reject(task, in: request, feedback: "x", leaseSeconds: 60, by: "a", at: Self.start) },
            { state in try state.completeRequest(request, by: "a", at: Self.start) },
            { state in _ = try state.addTasks([Self.draft("more")], to: request, by: "a", at: Self.start) },
            { state in try state.update(task, in: request, changes: .init(title: "x"), by: "a", at: Self.start) },
            { state in try state.delete(task, in: request, by: "a", at: Self.start) },
            { state in try state.restore(task, in: request, by: "a", at: Self.start) },
        ]
        for attempt in attempts {
            var copy = state
            #expect(throws: OrchestratorError.requestCompleted(request)) { try attempt(&copy) }
            #expect(copy == state)
        }
        #expect(try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: Self.start) == .noActiveRequests)
    }

    @Test func withoutARequestIdTheCallersWorkingTreeComesFirst() throws {
        var state = OrchestratorState()
        let main = WorkRequest.Origin(worktree: "/src/app", branch: "main")
        let feature = WorkRequest.Origin(worktree: "/src/app-feature", branch: "feature")
        _ = try state.plan(
            originalRequest: "Main", splitDetails: nil, tasks: [Self.draft("m")], policy: .each, origin: main,
            by: "planner", at: Self.start)
        let second = try state.plan(
            originalRequest: "Feature", splitDetails: nil, tasks: [Self.draft("f")], policy: .each, origin: feature,
            by: "planner", at: Self.start)
        #expect(claimed(NextTaskSelector.select(in: state, request: nil, holder: "a")) == "task-1", "oldest first")
        #expect(
            claimed(NextTaskSelector.select(in: state, request: nil, holder: "a", preferring: feature.worktree))
                == "task-2")
        // Elsewhere (or outside git) the oldest still comes first, and a named request is always served.
        #expect(
            claimed(NextTaskSelector.select(in: state, request: nil, holder: "a", preferring: "/other")) == "task-1")
        #expect(
            claimed(NextTaskSelector.select(in: state, request: second, holder: "a", preferring: main.worktree))
                == "task-2")
    }
}
