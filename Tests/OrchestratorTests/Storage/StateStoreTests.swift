import Foundation
import OrchestratorCore
import OrchestratorFormat
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorStorage
import OrchestratorSystem
import OrchestratorTools
import Testing

/// The state file: creation, round trips, re-reading another process's writes, and files that must
/// never be overwritten.
struct StateStoreTests {
    let directory = TemporaryDirectory.make()
    var path: String { directory + "/nested/deeper/state.json" }
    let now = SchedulingTests.start

    func store() -> StateStore { StateStore(location: StateLocation(path: path, source: .option)) }

    func planOne(_ store: StateStore, title: String = "a") throws -> WorkRequest.ID {
        try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
            try state.plan(
                originalRequest: "r", splitDetails: nil, tasks: [SchedulingTests.draft(title)], policy: .each, by: "t",
                at: now)
        }.outcome
    }

    func write(_ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func contents() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func readingAMissingFileWritesNothing() throws {
        let snapshot = try store().read()
        #expect(snapshot.revision == 0)
        #expect(snapshot.state == OrchestratorState())
        #expect(!FileManager.default.fileExists(atPath: directory + "/nested"))
    }

    @Test func theFirstChangeCreatesFoldersAndAnOwnerOnlyFile() throws {
        _ = try planOne(store())
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let root = try JSONParser.parse(contents())
        #expect(root["schemaVersion"] == .int(StateSchema.currentVersion))
        #expect(root["revision"] == 1)
        #expect(FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    /// A crashed writer's temporary file, even one only its owner may read, is replaced, and what is
    /// written is the new state, owner-only.
    @Test func aStaleTemporaryFileIsReplaced() throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("half a document".utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path + ".tmp")
        _ = try planOne(store())
        #expect(try JSONParser.parse(contents())["revision"] == 1)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test func aSecondStoreReadsWhatTheFirstWroteAndBothKeepCounting() throws {
        let first = store()
        let second = store()
        _ = try planOne(first, title: "one")
        #expect(try second.read().state.requests.map(\.id.rawValue) == ["req-1"])
        _ = try planOne(second, title: "two")
        _ = try planOne(first, title: "three")
        let final = try store().read()
        #expect(final.revision == 3)
        #expect(final.state.requests.map(\.id.rawValue) == ["req-1", "req-2", "req-3"])
        #expect(final.state.requests.flatMap(\.tasks).map(\.title) == ["one", "two", "three"])
    }

    @Test func aChangeThatChangesNothingWritesNothing() throws {
        let store = store()
        _ = try planOne(store)
        let claim = { (state: inout OrchestratorState) throws(OrchestratorError) in
            try state.claimNext(in: nil, holder: "x", leaseSeconds: 60, at: now)
        }
        #expect(try store.change(claim).snapshot.revision == 2)
        let before = try contents()
        // The same holder asking again at the same moment gets the same task and the same lease.
        #expect(try store.change(claim).snapshot.revision == 2)
        #expect(try contents() == before)
    }

    @Test func aRefusedChangeLeavesFileAndMemoryAsTheyWere() throws {
        let store = store()
        _ = try planOne(store)
        let before = try contents()
        #expect(throws: StoreFailure.refused(.taskNotStarted(WorkTask.ID("task-1")))) {
            try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
                _ = try state.markDone(
                    WorkTask.ID("task-1"), in: WorkRequest.ID("req-1"), details: "x", holder: nil, by: "t", at: now)
            }
        }
        #expect(try contents() == before)
        #expect(try store.read().revision == 1)
    }

    @Test func everyFieldSurvivesARoundTrip() throws {
        let store = store()
        _ = try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
            let request = try state.plan(
                originalRequest: "Ship \"it\"\n| now", splitDetails: "split",
                tasks: [
                    TaskDraft(title: "é ✓", description: "d", priority: .high, role: "tester"),
                    SchedulingTests.draft("b", after: [.position(1)]),
                ],
                policy: .end, by: "t", at: now)
            _ = try state.claimNext(in: request, holder: "i1", leaseSeconds: 60, at: now)
            _ = try state.markDone(WorkTask.ID("task-1"), in: request, details: "done", holder: "i1", by: "i1", at: now)
            _ = try state.approve(WorkTask.ID("task-1"), in: request, by: "r", at: now)
            try state.delete(WorkTask.ID("task-2"), in: request, by: "t", at: now)
        }
        let written = try store.read().state
        #expect(try StateStore(location: StateLocation(path: path, source: .option)).read().state == written)
    }

    /// A replaced version of a large file (a megabyte or more) is let go on a thread of its own; it
    /// is let go all the same, and nothing of it stays open.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func aLargeReplacedVersionIsLetGoToo() throws {
        let store = store()
        let long = String(repeating: "Implement and verify this part of the change. ", count: 60)
        let request = try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
            try state.plan(
                originalRequest: "r", splitDetails: nil,
                tasks: (1...400).map { TaskDraft(title: "t\($0)", description: long) }, policy: .each, by: "t", at: now)
        }.outcome
        for holder in ["a", "b"] {
            _ = try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
                try state.claimNext(in: request, holder: holder, leaseSeconds: 60, at: now)
            }
        }
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 >= 1 << 20)
        StateStore.waitForReleasedVersions()
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
        let open = descriptors.compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")
        }
        #expect(!open.contains { $0 == path || $0.hasPrefix(path + " (") }, "a replaced version is still open: \(open)")
        #expect(try StateStore(location: StateLocation(path: path, source: .option)).read().state == store.read().state)
    }

    @Test func theEncoderReusesBytesOnlyForUnchangedValues() throws {
        var state = OrchestratorState()
        let request = try SchedulingTests.plan(&state, [SchedulingTests.draft("a"), SchedulingTests.draft("b")])
        var encoder = StateEncoder()
        _ = encoder.encode(state, revision: 1)
        _ = try state.claimNext(in: request, holder: "x", leaseSeconds: 60, at: now)
        let incremental = encoder.encode(state, revision: 2)
        var fresh = StateEncoder()
        #expect(incremental == fresh.encode(state, revision: 2))
        let document = try StateDecoder.decode(JSONParser.parse(incremental))
        #expect(document.state == state)
        #expect(document.revision == 2)
    }

    /// Tasks are written without building a dictionary each: the bytes must be exactly those of the
    /// task's JSON value through the writer (sorted keys, the same escapes), or the cache and a
    /// fresh encode would disagree.
    @Test func aTaskWrittenDirectlyIsTheSameBytesAsThroughTheWriter() throws {
        let odd = "quote \" backslash \\ newline \n tab \t bell \u{7} é ✓ 𝄞"
        let entry = HistoryEntry(at: now, actor: odd, action: .rejected, from: .done, to: .inProgress, note: odd)
        let tasks = [
            WorkTask(id: WorkTask.ID("task-1"), title: "t", description: ""),
            WorkTask(
                id: WorkTask.ID("task-2"), title: odd, description: odd, status: .approved,
                dependsOn: [WorkTask.ID("task-1"), WorkTask.ID(odd)], priority: .high, role: odd, assignee: odd,
                claimExpiresAt: now, completedDetails: odd, feedback: odd, approvedBy: odd, deletedAt: now,
                history: [entry, HistoryEntry(at: now, actor: "a", action: .claimed, from: nil, to: nil), entry],
                evidence: TaskEvidence(
                    round: 2, start: "1a2b", end: "3c4d",
                    files: [
                        .init(path: odd, kind: .modified, added: 4, removed: 1),
                        .init(path: "new.bin", kind: .added, added: nil, removed: nil),
                        .init(path: "b.swift", previousPath: "a.swift", kind: .renamed, added: 0, removed: 0),
                    ], notes: [odd], source: .bridge)),
            WorkTask(
                id: WorkTask.ID("task-4"), title: "t", description: "d",
                checks: TaskChecks(
                    round: 2,
                    runs: [
                        .init(name: odd, required: true, status: .failed, exitStatus: -1, milliseconds: 12, tail: odd),
                        .init(name: "lint", required: false, status: .running),
                    ], note: nil, runner: "123:456")),
            WorkTask(
                id: WorkTask.ID("task-3"), title: "t", description: "d",
                evidence: TaskEvidence(
                    round: 1, start: nil, end: nil, files: [], notes: ["not a git repository"], workTree: "/src/app")),
        ]
        for task in tasks {
            #expect(StateEncoder.line(task) == JSONWriter.bytes(from: StateEncoder.json(task)))
        }
        // And they read back as they were.
        var state = OrchestratorState()
        state.appendRequest(
            WorkRequest(
                id: WorkRequest.ID("req-1"), originalRequest: "r", splitDetails: nil, approvalPolicy: .each,
                tasks: tasks, createdAt: now, updatedAt: now))
        var encoder = StateEncoder()
        #expect(try StateDecoder.decode(JSONParser.parse(encoder.encode(state, revision: 1))).state == state)
    }

    /// A request's own fields and the document's header are written directly too: the same bytes as
    /// their JSON values through the writer, every optional field present and absent.
    @Test func aRequestHeadAndTheHeaderWrittenDirectlyAreTheSameBytesAsThroughTheWriter() throws {
        let odd = "quote \" backslash \\ newline \n é ✓ 𝄞"
        var state = OrchestratorState()
        let plain = try SchedulingTests.plan(&state, [SchedulingTests.draft("a")])
        let full = try SchedulingTests.plan(&state, [SchedulingTests.draft("b")])
        let index = try #require(state.requestIndex(full))
        state.updateRequest(at: index) { request in
            request.splitDetails = odd
            request.completedAt = now
            request.completedBy = odd
            request.workflowRun = WorkflowRun.ID("run-1")
            request.holdsLooseTasks = true
            request.origin = WorkRequest.Origin(worktree: odd, branch: "feature/é")
        }
        for id in [plain, full] {
            let request = try #require(state.requests.first { $0.id == id })
            var direct: [UInt8] = []
            StateEncoder.writeHead(of: request, into: &direct)
            #expect(direct == JSONWriter.bytes(from: StateEncoder.json(request)).dropLast() + #","tasks":["#.utf8)
        }
        let header: JSONValue = [
            "schemaVersion": .int(StateSchema.currentVersion), "revision": .int(42),
            "nextRequestNumber": .int(state.nextRequestNumber), "nextTaskNumber": .int(state.nextTaskNumber),
            "nextRunNumber": .int(state.nextRunNumber),
        ]
        #expect(
            StateEncoder.header(state, revision: 42) == JSONWriter.bytes(from: header).dropLast()
                + #","requests":["#.utf8)
    }

    /// The document the encoder writes from a change's record: what it would write for the whole
    /// state afresh (`pieces` with the record, joined).
    static func recorded(_ encoder: inout StateEncoder, _ state: OrchestratorState, revision: Int) -> [UInt8] {
        var document: [UInt8] = []
        for piece in encoder.pieces(state, revision: revision, changes: state.changes) {
            piece.withUnsafeBytes { document.append(contentsOf: $0) }
        }
        return document
    }

    /// The whole document, encoded afresh.
    static func fresh(_ state: OrchestratorState, revision: Int) -> [UInt8] {
        var encoder = StateEncoder()
        return encoder.encode(state, revision: revision)
    }

    /// A state read from the file is encoded whole (its record says nothing of the encoder's last
    /// document), and a change to it afterwards from its record alone.
    @Test func aStateReadFromTheFileIsEncodedWholeThenFromItsRecord() throws {
        var state = OrchestratorState()
        let request = try SchedulingTests.plan(&state, (1...4).map { SchedulingTests.draft("t\($0)") })
        var encoder = StateEncoder()
        let first = encoder.encode(state, revision: 1)
        var reread = try StateDecoder.decode(JSONParser.parse(first)).state
        #expect(encoder.encode(reread, revision: 1) == first)
        reread.beginChange()
        try reread.update(WorkTask.ID("task-1"), in: request, changes: .init(title: "first"), by: "t", at: now)
        try reread.update(WorkTask.ID("task-4"), in: request, changes: .init(title: "last"), by: "t", at: now)
        #expect(Self.recorded(&encoder, reread, revision: 2) == Self.fresh(reread, revision: 2))
    }

    /// Random changes to random tasks of two plans, a few at a time: after each round the document
    /// written from the round's record is byte for byte a fresh one (the pieces are runs of the old
    /// bytes and new lines).
    @Test func theEncoderMatchesAFreshEncodeThroughRandomChanges() throws {
        var state = OrchestratorState()
        let first = try SchedulingTests.plan(&state, (1...30).map { SchedulingTests.draft("a\($0)") })
        let second = try SchedulingTests.plan(&state, (1...5).map { SchedulingTests.draft("b\($0)") })
        var encoder = StateEncoder()
        _ = encoder.encode(state, revision: 0)
        var generator = SystemRandomNumberGenerator()
        for round in 1...60 {
            state.beginChange()
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let request = Bool.random(using: &generator) ? first : second
                let tasks = try #require(state.requests.first { $0.id == request }).tasks
                let task = tasks[Int.random(in: 0..<tasks.count, using: &generator)].id
                try state.update(task, in: request, changes: .init(title: "round \(round) \"é\""), by: "t", at: now)
            }
            if round % 7 == 0 {
                _ = try state.addTasks([SchedulingTests.draft("new \(round)")], to: second, by: "t", at: now)
            }
            if round % 11 == 0, let index = state.requestIndex(first) {
                state.updateRequest(at: index) { $0.splitDetails = "r\(round)" }
            }
            #expect(Self.recorded(&encoder, state, revision: round) == Self.fresh(state, revision: round))
        }
    }

    /// A request that left the store (archived) leaves the encoder's cache with the next document.
    @Test func theEncoderForgetsRequestsThatLeftTheStore() throws {
        var state = OrchestratorState()
        let kept = try SchedulingTests.plan(&state, [SchedulingTests.draft("a")])
        let gone = try SchedulingTests.plan(&state, [SchedulingTests.draft("b")])
        var encoder = StateEncoder()
        _ = encoder.encode(state, revision: 1)
        #expect(encoder.cachedRequestCount == 2)
        state.beginChange()
        state.remove(requests: [gone], runs: [])
        #expect(state.changes.membership && !state.changes.isEmpty)
        let document = Self.recorded(&encoder, state, revision: 2)
        #expect(encoder.cachedRequestCount == 1 && state.requests.map(\.id) == [kept])
        #expect(document == Self.fresh(state, revision: 2))
    }

    @Test func theEncoderFollowsChangesAnywhereInAPlanAndInTheRequestItself() throws {
        var state = OrchestratorState()
        let request = try SchedulingTests.plan(&state, (1...5).map { SchedulingTests.draft("t\($0)") })
        var encoder = StateEncoder()
        _ = encoder.encode(state, revision: 1)
        state.beginChange()
        try state.update(WorkTask.ID("task-3"), in: request, changes: .init(title: "middle"), by: "t", at: now)
        let second = Self.recorded(&encoder, state, revision: 2)
        #expect(try StateDecoder.decode(JSONParser.parse(second)).state == state)
        state.beginChange()
        try state.delete(WorkTask.ID("task-5"), in: request, by: "t", at: now)
        _ = try state.addTasks([SchedulingTests.draft("t6")], to: request, by: "t", at: now)
        #expect(try StateDecoder.decode(JSONParser.parse(Self.recorded(&encoder, state, revision: 3))).state == state)
        let index = try #require(state.requestIndex(request))
        state.beginChange()
        state.updateRequest(at: index) { $0.splitDetails = "now split" }
        let incremental = Self.recorded(&encoder, state, revision: 4)
        #expect(incremental == Self.fresh(state, revision: 4))
        #expect(try StateDecoder.decode(JSONParser.parse(incremental)).state == state)
    }

    /// A change to any field of a task is recorded for that task alone and written: the encoder
    /// copies the line of every task the record does not name, so a change left out of the record
    /// would leave an old line in the file.
    @Test func aChangeToAnyFieldOfATaskIsRecordedAndWritten() throws {
        let at = Timestamp(millisecondsSince1970: 1_795_251_600_000)
        var state = OrchestratorState()
        let request = try SchedulingTests.plan(&state, [SchedulingTests.draft("a"), SchedulingTests.draft("b")])
        let task = state.requests[0].tasks[1]
        let changes: [String: (inout WorkTask) -> Void] = [
            "id": {
                $0 = WorkTask(
                    id: "task-9", title: $0.title, description: $0.description, dependsOn: $0.dependsOn,
                    role: $0.role, history: $0.history)
            },
            "title": { $0.title += "!" },
            "description": { $0.description += "!" },
            "status": { $0.status = .inProgress },
            "dependsOn": { $0.dependsOn = ["task-1"] },
            "priority": { $0.priority = .high },
            "role": { $0.role = "tester" },
            "assignee": { $0.assignee = "agent" },
            "claimExpiresAt": { $0.claimExpiresAt = at },
            "completedDetails": { $0.completedDetails = "done" },
            "feedback": { $0.feedback = "again" },
            "approvedBy": { $0.approvedBy = "person" },
            "deletedAt": { $0.deletedAt = at },
            "history": {
                $0.history.append(HistoryEntry(at: at, actor: "b", action: .claimed, from: nil, to: nil, note: nil))
            },
            "evidence": {
                $0.evidence = TaskEvidence(
                    round: 1, start: "a1", end: "b2",
                    files: [.init(path: "x.swift", kind: .modified, added: 3, removed: 1)], notes: ["n"])
            },
            "checks": {
                $0.checks = TaskChecks(round: 1, runs: [.init(name: "tests", required: true, status: .running)])
            },
        ]
        #expect(Set(Mirror(reflecting: task).children.compactMap(\.label)) == Set(changes.keys))
        for (field, change) in changes {
            var changed = state
            var encoder = StateEncoder()
            _ = encoder.encode(changed, revision: 1)
            changed.beginChange()
            changed.updateTask(at: 0, 1, change)
            #expect(changed.changes.requests[request]?.tasks.count == 1, "a change of \(field) went unrecorded")
            #expect(
                Self.recorded(&encoder, changed, revision: 2) == Self.fresh(changed, revision: 2),
                "a change of \(field) was not written")
        }
        // Writing what is already there records nothing.
        state.beginChange()
        state.updateTask(at: 0, 1) { $0.title = task.title }
        state.updateRequest(at: 0) { $0.updatedAt = $0.updatedAt }
        #expect(state.changes.isEmpty)
    }

    /// `OrchestratorState` spells out `==` (its value, not its bookkeeping); a field left out would make
    /// two different states look equal.
    @Test func equalityNoticesAChangeInEveryField() throws {
        var state = OrchestratorState()
        let id = try SchedulingTests.plan(&state, [SchedulingTests.draft("a"), SchedulingTests.draft("b")])
        let request = try #require(state.requests.first { $0.id == id })
        let later = request.createdAt.adding(seconds: 1)
        let requestChanges: [String: (inout WorkRequest) -> Void] = [
            "id": {
                $0 = WorkRequest(
                    id: WorkRequest.ID("req-9"), originalRequest: $0.originalRequest, splitDetails: $0.splitDetails,
                    approvalPolicy: $0.approvalPolicy,
                    tasks: $0.tasks, createdAt: $0.createdAt, updatedAt: $0.updatedAt)
            },
            "originalRequest": { $0.originalRequest += "!" },
            "splitDetails": { $0.splitDetails = "other" },
            "status": { $0.status = .completed },
            "approvalPolicy": { $0.approvalPolicy = .auto },
            "approver": { $0.approver = .human },
            "tasks": { $0.tasks[1].title = "changed" },
            "createdAt": {
                $0 = WorkRequest(
                    id: $0.id, originalRequest: $0.originalRequest, splitDetails: $0.splitDetails,
                    approvalPolicy: $0.approvalPolicy,
                    tasks: $0.tasks, createdAt: later, updatedAt: $0.updatedAt)
            },
            "updatedAt": { $0.updatedAt = later },
            "completedAt": { $0.completedAt = later },
            "completedBy": { $0.completedBy = "someone" },
            "workflowRun": { $0.workflowRun = WorkflowRun.ID("run-1") },
            "holdsLooseTasks": { $0.holdsLooseTasks = true },
            "origin": { $0.origin = WorkRequest.Origin(worktree: "/src/app", branch: "main") },
        ]
        #expect(Set(Mirror(reflecting: request).children.compactMap(\.label)) == Set(requestChanges.keys))
        for (field, change) in requestChanges {
            var changed = request
            change(&changed)
            #expect(changed != request, "a change of \(field) went unnoticed")
        }
        let stateChanges: [String: (inout OrchestratorState) -> Void] = [
            "requests": { $0.updateTask(at: 0, 0) { $0.status = .done } },
            "runs": {
                $0.appendRun(
                    WorkflowRun(
                        id: WorkflowRun.ID("run-1"), workflow: "w", requestID: id, currentStep: nil, currentTask: nil,
                        context: WorkflowContext([:]),
                        startedBy: "t", createdAt: later, updatedAt: later))
            },
            "nextRequestNumber": { $0 = Self.counted($0, requests: 1) },
            "nextTaskNumber": { $0 = Self.counted($0, tasks: 1) },
            "nextRunNumber": { $0 = Self.counted($0, runs: 1) },
        ]
        // `taskOwners` is derived (a hint for finding tasks, rebuilt from the requests) and `changes`
        // records the change under way: neither is the state's value.
        #expect(
            Set(Mirror(reflecting: state).children.compactMap(\.label)).subtracting(["taskOwners", "changes"])
                == Set(stateChanges.keys))
        for (field, change) in stateChanges {
            var changed = state
            change(&changed)
            #expect(changed != state, "a change of \(field) went unnoticed")
        }
    }

    /// The same state with its counters moved on.
    static func counted(_ state: OrchestratorState, requests: Int = 0, tasks: Int = 0, runs: Int = 0)
        -> OrchestratorState
    {
        OrchestratorState(
            requests: state.requests, runs: state.runs, nextRequestNumber: state.nextRequestNumber + requests,
            nextTaskNumber: state.nextTaskNumber + tasks, nextRunNumber: state.nextRunNumber + runs)
    }

    // MARK: - Files that must not be overwritten

    struct BadFile: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let code: String
        let mention: String
        var testDescription: String { name }
    }

    static let badFiles: [BadFile] = [
        BadFile(name: "empty", text: "", code: "state_corrupt", mention: "the file is empty"),
        BadFile(name: "whitespace", text: "  \n", code: "state_corrupt", mention: "the file is empty"),
        BadFile(
            name: "truncated", text: #"{"schemaVersion":1,"revision":3,"requests":[{"id":"req-1""#,
            code: "state_corrupt", mention: "not JSON"),
        BadFile(name: "not JSON", text: "hello", code: "state_corrupt", mention: "not JSON"),
        BadFile(name: "an array", text: "[]", code: "state_corrupt", mention: "must be a JSON object"),
        BadFile(
            name: "a wrong field",
            text:
                #"{"schemaVersion":1,"revision":1,"nextRequestNumber":2,"nextTaskNumber":1,"requests":[{"id":"req-1","status":"paused"}]}"#,
            code: "state_corrupt", mention: "requests[0]"),
        BadFile(
            name: "newer and unreadable", text: #"{"schemaVersion":9,"revision":1,"requests":"elsewhere"}"#,
            code: "state_newer_schema", mention: "schemaVersion 9"),
    ]

    @Test(arguments: badFiles)
    func aBadFileIsNeverOverwrittenAndChangesAreRefused(_ file: BadFile) throws {
        try write(file.text)
        let store = store()
        #expect(throws: StorageError.self) { try store.read() }
        do {
            _ = try planOne(store)
            Issue.record("the change should have been refused")
        } catch let failure as StoreFailure {
            guard case .storage(let problem) = failure else {
                Issue.record("expected a storage failure, got \(failure)")
                return
            }
            #expect(problem.code == file.code)
            #expect(problem.description.contains(path))
            #expect(problem.description.contains(file.mention), "\(problem)")
        }
        #expect(try contents() == file.text)
    }

    @Test func aNewerFileThatStillDecodesCanBeReadButNotChanged() throws {
        let store = store()
        _ = try planOne(store)
        let newer = try contents().replacingOccurrences(
            of: #""schemaVersion":\#(StateSchema.currentVersion)"#, with: #""schemaVersion":7"#)
        try write(newer)
        let snapshot = try StateStore(location: StateLocation(path: path, source: .option)).read()
        #expect(snapshot.state.requests.count == 1)
        #expect(
            snapshot.readOnlyReason
                == StorageError.newerSchema(path: path, found: 7, supported: StateSchema.currentVersion).persistence)
        #expect(throws: StoreFailure.storage(.newerSchema(path: path, found: 7, supported: StateSchema.currentVersion)))
        { try planOne(store) }
        #expect(try contents() == newer)
    }

    /// Files written before workflow runs existed (version 1, no `runs`) load and are upgraded on write.
    @Test func aVersionOneFileLoadsWithoutRunsAndIsWrittenAsTheCurrentVersion() throws {
        let store = store()
        _ = try planOne(store)
        let current = #""schemaVersion":\#(StateSchema.currentVersion)"#
        #expect(try contents().contains(current))
        let old = try contents().replacingOccurrences(of: current, with: #""schemaVersion":1"#)
            .replacingOccurrences(of: #","nextRunNumber":1"#, with: "")
            .replacingOccurrences(of: #","runs":["# + "\n]", with: "")
        #expect(!old.contains("runs"))
        try write(old)
        let fresh = StateStore(location: StateLocation(path: path, source: .option))
        #expect(try fresh.read().state.requests.count == 1)
        #expect(try fresh.read().readOnlyReason == nil)
        _ = try planOne(fresh)
        let root = try JSONParser.parse(contents())
        #expect(root["schemaVersion"] == .int(StateSchema.currentVersion))
        #expect(root["runs"] == .array([]))
        #expect(try fresh.read().state.requests.count == 2)
    }

    @Test func aRepairedFileIsPickedUpAgain() throws {
        try write("garbage")
        let store = store()
        #expect(throws: StoreFailure.self) { try planOne(store) }
        try FileManager.default.removeItem(atPath: path)
        #expect(try planOne(store) == WorkRequest.ID("req-1"))
    }

    @Test func aFolderWhereTheFileShouldBeIsReportedAsUnreadable() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(throws: StorageError.unreadable(path: path, reason: "it is a folder, not a regular file")) {
            try store().read()
        }
    }
}

extension StateStoreTests {
    private static var schemaPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/state.schema.json")
            .path
    }

    /// `data/state.schema.json` describes what the store writes, every optional field included.
    @Test func theWrittenFileMatchesThePublishedSchema() throws {
        let store = store()
        _ = try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
            let request = try state.plan(
                originalRequest: "r", splitDetails: "s",
                tasks: [
                    TaskDraft(title: "a", description: "d", role: "tester"),
                    SchedulingTests.draft("b", after: [.position(1)]), SchedulingTests.draft("c"),
                ],
                policy: .end, by: "t", at: now)
            _ = try state.claimNext(in: request, holder: "i", leaseSeconds: 60, at: now)
            _ = try state.markDone(WorkTask.ID("task-1"), in: request, details: "x", holder: nil, by: "i", at: now)
            try state.reject(WorkTask.ID("task-1"), in: request, feedback: "f", leaseSeconds: 60, by: "r", at: now)
            _ = try state.markDone(WorkTask.ID("task-1"), in: request, details: "y", holder: nil, by: "i", at: now)
            _ = try state.approve(WorkTask.ID("task-1"), in: request, by: "r", at: now)
            try state.delete(WorkTask.ID("task-3"), in: request, by: "t", at: now)
            _ = try state.claimNext(in: request, holder: "j", leaseSeconds: 60, at: now)
        }
        _ = try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
            _ = try state.plan(
                originalRequest: "done", splitDetails: nil, tasks: [SchedulingTests.draft("z")], policy: .auto, by: "t",
                at: now)
            _ = try state.claimNext(in: WorkRequest.ID("req-2"), holder: "i", leaseSeconds: 60, at: now)
            _ = try state.markDone(
                WorkTask.ID("task-4"), in: WorkRequest.ID("req-2"), details: "x", holder: nil, by: "i", at: now)
            try state.completeRequest(WorkRequest.ID("req-2"), by: "p", at: now)
        }
        _ = try store.change { (state: inout OrchestratorState) throws(OrchestratorError) in
            let definition = WorkflowDefinition(
                name: "w", title: "W", description: "",
                steps: [
                    WorkflowStep(
                        name: "One", file: "steps/one.md", orchestratorGuidance: "",
                        clientInstructions: "do {{context.x}}")
                ])
            for _ in 0..<2 {
                _ = try state.startRun(of: definition, context: WorkflowContext(["x": 1]), by: "t", at: now)
            }
            _ = try state.advanceRun(
                WorkflowRun.ID("run-1"), definition: definition, report: StepReport(stepID: "One", status: "success"),
                contextUpdates: [:], nextStep: "FINISH", by: "t", at: now)
        }
        let schema = try JSONParser.parse(String(contentsOfFile: Self.schemaPath, encoding: .utf8))
        let document = try JSONParser.parse(contents())
        #expect(SchemaValidator.firstViolation(of: document, against: schema) == nil)
        let text = try contents()
        for field in [
            "splitDetails", "role", "assignee", "claimExpiresAt", "completedDetails", "feedback", "approvedBy",
            "deletedAt", "completedAt", "completedBy", "workflowRun", "currentStep", "currentTask", "finishedAt",
        ] {
            #expect(text.contains("\"\(field)\""), "the sample should exercise \(field)")
        }
    }
}
