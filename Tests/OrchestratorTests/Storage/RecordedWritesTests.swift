import OrchestratorCore
import OrchestratorFormat
import OrchestratorJSON
import OrchestratorStorage
import OrchestratorSystem
import OrchestratorWorkflows
import Testing

/// The file store writes each change from its record: the request and task lines the record does
/// not name are copied from the document written before. After every kind of change, through the
/// store as a server uses it, the file must be byte for byte the state written whole; a write the
/// record missed would leave an old line in it.
@Suite struct RecordedWritesTests {
    let clock = TestClock()

    /// The store's state, written whole, is what the file holds.
    func expectFileIsTheStateWrittenWhole(_ store: StateStore, after step: String) throws {
        let snapshot = try store.read()
        var fresh = StateEncoder()
        let whole = fresh.encode(snapshot.state, revision: snapshot.revision)
        let file = try FileSystem.readRegularFile(store.location.path)
        let fileLines = String(decoding: file, as: UTF8.self).split(separator: "\n")
        let wholeLines = String(decoding: whole, as: UTF8.self).split(separator: "\n")
        let differing = zip(fileLines, wholeLines).first { $0 != $1 }.map { "file: \($0.0)\nwhole: \($0.1)" }
        let same = file == whole
        #expect(same, "after \(step), the file is not the state written whole: \(differing ?? "lengths differ")")
    }

    static let workflow = WorkflowParser.parse(
        name: "demo",
        files: InMemoryWorkflowFiles([
            "index.md": "# Demo\n\nA demo.\n\n## Steps\n\n1. [Edit](steps/edit.md)\n2. [Test](steps/test.md)\n",
            "steps/edit.md": WorkflowParserTests.step(guidance: "When done, go to Test."),
            "steps/test.md": WorkflowParserTests.step(
                extra: "\n# Transitions\n- success -> FINISH\n- failure -> Edit\n"),
        ])
    ).definition

    @Test func everyKindOfChangeIsWrittenAsTheWholeStateWouldBe() throws {
        let path = TemporaryDirectory.make() + "/state.json"
        let store = StateStore(
            location: StateLocation(path: path, source: .option),
            archivePolicy: ArchivePolicy(retentionSeconds: 3600, clock: clock.wallClock))
        let orchestrator = Orchestrator(persistence: store, clock: clock.wallClock, leaseSeconds: 60, approver: .agent)
        let drafts = (1...6).map { SchedulingTests.draft("t\($0)") }
        var steps: [(String, () throws -> Void)] = []
        var request = WorkRequest.ID("")
        var second = WorkRequest.ID("")
        steps.append(
            (
                "plan",
                {
                    request = try orchestrator.plan("R", splitDetails: nil, tasks: drafts, policy: .each, by: "a")
                        .durable()
                }
            ))
        steps.append(
            (
                "a second plan",
                {
                    second = try orchestrator.plan("S", splitDetails: "s", tasks: drafts, policy: .end, by: "a")
                        .durable()
                }
            ))
        steps.append(("claim", { _ = try orchestrator.claim("task-3", in: request, holder: "a").durable() }))
        steps.append(
            (
                "done",
                { _ = try orchestrator.markDone("task-3", in: request, details: "d", holder: "a", by: "a").durable() }
            ))
        steps.append(
            ("reject", { try orchestrator.reject("task-3", in: request, feedback: "again", by: "p").durable() }))
        steps.append(
            (
                "lease runs out",
                {
                    self.clock.advance(seconds: 120)
                    _ = try orchestrator.claim("task-1", in: request, holder: "b").durable()
                }
            ))
        steps.append(
            (
                "update",
                { try orchestrator.update("task-5", in: request, changes: .init(title: "five"), by: "a").durable() }
            ))
        steps.append(("delete", { try orchestrator.delete("task-6", in: request, by: "a").durable() }))
        steps.append(("restore", { try orchestrator.restore("task-6", in: request, by: "a").durable() }))
        steps.append(
            (
                "add tasks",
                { _ = try orchestrator.addTasks([SchedulingTests.draft("t7")], to: request, by: "a").durable() }
            ))
        steps.append(("approver", { try orchestrator.setApprover(.human, of: second, by: .agent("a")).durable() }))
        steps.append(
            (
                "finish a plan",
                {
                    for task in try orchestrator.read().state.requests.first(where: { $0.id == second })!.tasks {
                        _ = try orchestrator.claim(task.id, in: second, holder: "c").durable()
                        _ = try orchestrator.markDone(task.id, in: second, details: "d", holder: "c", by: "c").durable()
                        _ = try orchestrator.approve(task.id, in: second, by: .person("p")).durable()
                    }
                    try orchestrator.completeRequest(second, by: .person("p")).durable()
                }
            ))
        steps.append(
            (
                "import",
                {
                    _ = try orchestrator.importRequests(
                        [
                            (
                                "I", nil,
                                [
                                    ImportedTask(
                                        draft: SchedulingTests.draft("i1"), standing: .approved(details: "x"), note: "n"
                                    ),
                                    ImportedTask(
                                        draft: SchedulingTests.draft("i2", after: [.position(1)]), standing: .deleted,
                                        note: "n"),
                                    ImportedTask(
                                        draft: SchedulingTests.draft("i3", after: [.position(2)]), standing: .pending,
                                        note: "n"),
                                ]
                            )
                        ], by: "a"
                    ).durable()
                }
            ))
        let definition = try #require(Self.workflow)
        var run = WorkflowRun.ID("")
        steps.append(
            ("start a run", { run = try orchestrator.startRun(of: definition, context: ["k": 1], by: "a").durable() }))
        steps.append(
            (
                "advance a run",
                {
                    let task = try orchestrator.read().state.run(run).currentTask!
                    _ = try orchestrator.advanceRun(
                        run, definition: definition, report: StepReport(stepID: task.rawValue, status: "done"),
                        contextUpdates: ["k": 2], nextStep: "Test", by: "a"
                    ).durable()
                }
            ))
        steps.append(("run context", { try orchestrator.updateRunContext(run, with: ["k": 3]).durable() }))
        steps.append(
            (
                "archive what finished",
                {
                    self.clock.advance(seconds: 7200)
                    try orchestrator.update("task-5", in: request, changes: .init(title: "five again"), by: "a")
                        .durable()
                    #expect(try !orchestrator.read().state.requests.contains { $0.id == second })
                }
            ))
        for (name, step) in steps {
            try step()
            try expectFileIsTheStateWrittenWhole(store, after: name)
        }
    }
}
