import OrchestratorCore
import Testing

/// Dependencies are checked on every write: unknown ids, self-references, cycles spelled out.
struct DependencyTests {
    let start = SchedulingTests.start

    func planned(_ drafts: [TaskDraft]) throws -> OrchestratorState {
        var state = OrchestratorState()
        _ = try SchedulingTests.plan(&state, drafts)
        return state
    }

    @Test func dependenciesResolveByTitlePositionAndExistingID() throws {
        var state = try planned([SchedulingTests.draft("base"), SchedulingTests.draft("next", after: [.name("base")])])
        #expect(state.requests[0].tasks[1].dependsOn == [WorkTask.ID("task-1")])
        let added = try state.addTasks(
            [SchedulingTests.draft("x", after: [.name("task-2"), .position(2)]), SchedulingTests.draft("y")],
            to: WorkRequest.ID("req-1"), by: "a", at: start)
        #expect(added == [WorkTask.ID("task-3"), WorkTask.ID("task-4")])
        #expect(state.requests[0].tasks[2].dependsOn == [WorkTask.ID("task-2"), WorkTask.ID("task-4")])
    }

    @Test func unknownAndAmbiguousReferencesAreRefused() throws {
        #expect(throws: OrchestratorError.unknownDependency("'nope'", of: "Task 1 ('a')")) {
            _ = try planned([SchedulingTests.draft("a", after: [.name("nope")])])
        }
        #expect(throws: OrchestratorError.unknownDependency("position 3", of: "Task 1 ('a')")) {
            _ = try planned([SchedulingTests.draft("a", after: [.position(3)])])
        }
        #expect(throws: OrchestratorError.ambiguousDependency("a", of: "Task 3 ('c')", candidates: 2)) {
            _ = try planned([
                SchedulingTests.draft("a"), SchedulingTests.draft("a"), SchedulingTests.draft("c", after: [.name("a")]),
            ])
        }
    }

    @Test func selfReferencesAndCyclesAreRefusedWithTheCycleSpelledOut() throws {
        #expect(throws: OrchestratorError.selfDependency(WorkTask.ID("task-1"))) {
            _ = try planned([SchedulingTests.draft("a", after: [.position(1)])])
        }
        #expect(
            throws: OrchestratorError.dependencyCycle([
                WorkTask.ID("task-1"), WorkTask.ID("task-3"), WorkTask.ID("task-2"), WorkTask.ID("task-1"),
            ])
        ) {
            _ = try planned([
                SchedulingTests.draft("a", after: [.position(3)]), SchedulingTests.draft("b", after: [.position(1)]),
                SchedulingTests.draft("c", after: [.position(2)]),
            ])
        }
        var state = try planned([SchedulingTests.draft("a"), SchedulingTests.draft("b", after: [.position(1)])])
        let before = state
        #expect(
            throws: OrchestratorError.dependencyCycle([
                WorkTask.ID("task-1"), WorkTask.ID("task-2"), WorkTask.ID("task-1"),
            ])
        ) {
            try state.update(
                WorkTask.ID("task-1"), in: WorkRequest.ID("req-1"), changes: .init(dependsOn: [WorkTask.ID("task-2")]),
                by: "a", at: start)
        }
        #expect(state == before)
        let error = OrchestratorError.dependencyCycle([
            WorkTask.ID("task-1"), WorkTask.ID("task-2"), WorkTask.ID("task-1"),
        ])
        #expect(error.description == "These dependencies form a cycle: task-1 → task-2 → task-1; remove one of them.")
    }

    @Test func aTaskOthersDependOnCannotBeDeletedAndARestoreNeedsItsDependencies() throws {
        var state = try planned([SchedulingTests.draft("a"), SchedulingTests.draft("b", after: [.position(1)])])
        let request = WorkRequest.ID("req-1")
        #expect(throws: OrchestratorError.taskHasDependents(WorkTask.ID("task-1"), dependents: [WorkTask.ID("task-2")]))
        {
            try state.delete(WorkTask.ID("task-1"), in: request, by: "a", at: start)
        }
        try state.delete(WorkTask.ID("task-2"), in: request, by: "a", at: start)
        try state.delete(WorkTask.ID("task-1"), in: request, by: "a", at: start)
        #expect(throws: OrchestratorError.dependencyDeleted(WorkTask.ID("task-2"), dependency: WorkTask.ID("task-1"))) {
            try state.restore(WorkTask.ID("task-2"), in: request, by: "a", at: start)
        }
        try state.restore(WorkTask.ID("task-1"), in: request, by: "a", at: start)
        try state.restore(WorkTask.ID("task-2"), in: request, by: "a", at: start)
        #expect(state.requests[0].liveTasks.count == 2)
        #expect(state.requests[0].tasks[1].history.map(\.action) == [.planned, .deleted, .restored])
    }

    @Test func deletedTasksDoNotCountForCompletionOrScheduling() throws {
        var state = try planned([SchedulingTests.draft("a"), SchedulingTests.draft("b")])
        let request = WorkRequest.ID("req-1")
        try state.delete(WorkTask.ID("task-1"), in: request, by: "a", at: start)
        #expect(
            try state.claimNext(in: nil, holder: "a", leaseSeconds: 60, at: start)
                == .claim(request, WorkTask.ID("task-2")))
    }
}
