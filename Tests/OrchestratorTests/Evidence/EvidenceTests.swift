import Foundation
import OrchestratorJSON
import OrchestratorSystem
import Testing

/// A task's evidence, recorded by the real binary in real git repositories: the files a round of work
/// added, changed, deleted and renamed (binary and untracked ones too), with the person's own git state
/// (index, status, stash, refs, HEAD) left exactly as it was.
@Suite(.serialized) struct EvidenceTests {
    /// A git repository with a first commit, made by the test.
    struct Repository {
        let top: String

        init(files: [String: [UInt8]]) throws {
            top = URL(fileURLWithPath: TemporaryDirectory.make()).resolvingSymlinksInPath().path
            try run(["init", "-q", "-b", "main"])
            try run(["config", "user.name", "Person"])
            try run(["config", "user.email", "person@example.com"])
            for (path, bytes) in files { try write(path, bytes) }
            try run(["add", "-A"])
            try run(["commit", "-q", "-m", "first"])
        }

        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            let result = try ChildProcess(
                ["git"] + arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": top], directory: top
            ).run()
            guard result.succeeded else { throw Failure(text: "git \(arguments): \(result.errorText)") }
            return result.outputText
        }

        func write(_ path: String, _ bytes: [UInt8]) throws {
            let url = URL(fileURLWithPath: top + "/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }

        /// Everything of the person's git state that a snapshot must not touch.
        func personsState() throws -> [String] {
            let index = try Data(contentsOf: URL(fileURLWithPath: top + "/.git/index"))
            return [
                index.base64EncodedString(), try run(["status", "--porcelain=v2", "--branch"]),
                try run(["stash", "list"]),
                try run(["for-each-ref", "--format=%(refname) %(objectname)"]).split(separator: "\n")
                    .filter { !$0.hasPrefix("refs/mcp-orchestrator/") }.joined(separator: "\n"),
                try run(["rev-parse", "HEAD"]), try run(["symbolic-ref", "HEAD"]),
            ]
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let text: String
        var description: String { text }
    }

    /// A stdio server started in `directory`, as an agent's client starts it there.
    final class Session {
        let server: ServerProcess
        private var nextID = 1

        init(
            directory: String, path: String = "/usr/bin:/bin", statePath: String, extra: [String] = [],
            capabilities: JSONValue = [:], home: String? = nil
        ) throws {
            server = try ServerProcess(
                arguments: ["--state", statePath] + extra, directory: directory,
                environment: ["PATH": path, "HOME": home ?? directory])
            _ = request(
                "initialize",
                [
                    "protocolVersion": "2025-06-18", "capabilities": capabilities,
                    "clientInfo": ["name": "agent", "version": "1"],
                ])
            server.write(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"# + "\n")
        }

        func request(_ method: String, _ params: JSONValue) -> JSONValue {
            let message: JSONValue = [
                "jsonrpc": "2.0", "id": .int(nextID), "method": .string(method), "params": params,
            ]
            nextID += 1
            server.write(String(decoding: JSONWriter.bytes(from: message), as: UTF8.self) + "\n")
            let line = server.readLines(1).first ?? ""
            return (try? JSONParser.parse(Array(line.utf8))) ?? .null
        }

        func call(_ tool: String, _ arguments: JSONValue) -> JSONValue {
            request("tools/call", ["name": .string(tool), "arguments": arguments])["result"]?["structuredContent"]
                ?? .null
        }

        func end() {
            server.closeInput()
            _ = server.finish()
        }
    }

    static let plan: JSONValue = [
        "originalRequest": "Change the files",
        "tasks": [
            ["title": "first", "description": "Do the first change."],
            ["title": "second", "description": "Do the second change."],
        ],
    ]

    static func lines(_ count: Int, _ word: String) -> [UInt8] {
        Array((1...count).map { "\(word) \($0)\n" }.joined().utf8)
    }

    @Test func aRoundsChangesAreRecordedAndThePersonsGitStateIsUntouched() throws {
        let repository = try Repository(files: [
            "a.txt": Self.lines(5, "a"), "b.txt": Self.lines(3, "b"), "old.txt": Self.lines(40, "kept"),
            "image.bin": [0, 1, 2, 3, 0, 255, 0], ".gitignore": Array("*.log\n".utf8),
        ])
        // The person has work of their own staged and stashed before the agent starts.
        try repository.write("a.txt", Self.lines(5, "a") + Array("staged by the person\n".utf8))
        try repository.run(["add", "a.txt"])
        try repository.write("scratch.txt", Array("stash me\n".utf8))
        try repository.run(["stash", "push", "-u", "-q", "-m", "person's stash", "--", "scratch.txt"])
        let state = TemporaryDirectory.make() + "/state.json"
        let session = try Session(directory: repository.top, statePath: state)
        defer { session.end() }
        _ = session.call("request_planning", Self.plan)
        let claimed = session.call("get_next_task", [:])
        #expect(claimed["task"]?["id"] == "task-1", "\(claimed)")

        // The agent's round of work.
        try repository.write("a.txt", Self.lines(5, "a") + Array("staged by the person\nand one\nand two\n".utf8))
        try FileManager.default.removeItem(atPath: repository.top + "/b.txt")
        try FileManager.default.moveItem(atPath: repository.top + "/old.txt", toPath: repository.top + "/new.txt")
        try repository.write("notes/new.md", Self.lines(2, "note"))
        try repository.write("image.bin", [0, 1, 2, 3, 0, 254, 0, 9])
        try repository.write("build.log", Self.lines(3, "ignored"))
        try repository.write("big.dat", [UInt8](repeating: 7, count: (5 << 20) + 1))
        let before = try repository.personsState()

        let done = session.call(
            "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "Changed the files."])
        let evidence = try #require(done["task"]?["evidence"], "\(done)")
        #expect(try repository.personsState() == before, "the person's index, status, stash, refs or HEAD changed")

        let files = Dictionary(
            (evidence["files"]?.arrayValue ?? []).map { ($0["path"]?.stringValue ?? "", $0) },
            uniquingKeysWith: { a, _ in a })
        #expect(Set(files.keys) == ["a.txt", "b.txt", "new.txt", "notes/new.md", "image.bin"], "\(evidence)")
        // The person's uncommitted line was there when the round began: only the agent's two count.
        #expect(
            files["a.txt"]?["kind"] == "modified" && files["a.txt"]?["added"] == 2 && files["a.txt"]?["removed"] == 0)
        #expect(files["b.txt"]?["kind"] == "deleted" && files["b.txt"]?["removed"] == 3)
        #expect(files["new.txt"]?["kind"] == "renamed" && files["new.txt"]?["previousPath"] == "old.txt")
        #expect(files["notes/new.md"]?["kind"] == "added" && files["notes/new.md"]?["added"] == 2)
        #expect(files["image.bin"]?["kind"] == "modified" && files["image.bin"]?["added"] == nil)
        #expect(evidence["round"] == 1 && evidence["source"] == "server")
        let notes = (evidence["notes"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(notes.contains { $0.hasPrefix("big.dat (5 MiB) is listed, not stored") }, "\(notes)")

        // The snapshots are kept under the server's own refs, and the patch reads back from them.
        let refs = try repository.run(["for-each-ref", "--format=%(refname)", "refs/mcp-orchestrator/"])
        #expect(refs.contains("/task-1/1/start") && refs.contains("/task-1/1/end"), "\(refs)")
        let details = session.call("open_task_details", ["taskId": "task-1"])
        #expect(details["task"]?["evidence"]?["summary"] == "5 files, +4 −3", "\(details)")

        // The person reads the change from their terminal.
        let show = try ServerProcess.run(["show", "task-1", "--state", state])
        #expect(show.status == 0 && show.stdout.contains("5 files, +4 −3 (round 1, recorded by the server)"), "\(show)")
        #expect(show.stdout.contains("renamed  new.txt (from old.txt)  +0 −0") && show.stdout.contains("binary"))
        let patch = try ServerProcess.run(["diff", "task-1", "--state", state])
        #expect(patch.status == 0, "\(patch)")
        #expect(patch.stdout.contains("+and one\n+and two\n") && patch.stdout.contains("rename from old.txt"))
        #expect(!patch.stdout.contains("+staged by the person"), "the round began after the person's own line")
        let stat = try ServerProcess.run(["diff", "task-1", "--stat", "--state", state])
        #expect(stat.stdout.contains("5 files changed"), "\(stat)")
        let names = try ServerProcess.run(["diff", "task-1", "--name-only", "--state", state])
        #expect(
            names.stdout.split(separator: "\n").sorted() == ["a.txt", "b.txt", "image.bin", "new.txt", "notes/new.md"])
        let none = try ServerProcess.run(["diff", "task-2", "--state", state])
        #expect(none.status != 0 && none.stderr.contains("task-2 has no recorded change"), "\(none)")
    }

    @Test func aRoundWithoutChangesSaysSoAndAnotherTaskInTheTreeIsNamed() throws {
        let repository = try Repository(files: ["a.txt": Self.lines(2, "a")])
        let state = TemporaryDirectory.make() + "/state.json"
        let session = try Session(directory: repository.top, statePath: state)
        defer { session.end() }
        _ = session.call("request_planning", Self.plan)
        _ = session.call("get_next_task", ["instanceId": "one"])
        _ = session.call("get_next_task", ["instanceId": "two"])
        let done = session.call(
            "mark_task_done",
            ["requestId": "req-1", "taskId": "task-2", "completedDetails": "Nothing to change.", "instanceId": "two"])
        let evidence = try #require(done["task"]?["evidence"], "\(done)")
        #expect(evidence["summary"] == "no files changed" && evidence["files"] == [])
        let notes = evidence["notes"]?.arrayValue ?? []
        #expect(notes.contains("task-1 was also in progress in this tree; its changes may be here."), "\(evidence)")
    }

    @Test func workSentBackIsANewRoundThatCoversOnlyWhatCameAfter() throws {
        let repository = try Repository(files: ["a.txt": Self.lines(2, "a")])
        let state = TemporaryDirectory.make() + "/state.json"
        let session = try Session(directory: repository.top, statePath: state)
        defer { session.end() }
        _ = session.call("request_planning", Self.plan)
        _ = session.call("get_next_task", [:])
        try repository.write("a.txt", Self.lines(2, "a") + Array("first try\n".utf8))
        let first = session.call(
            "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "First try."])
        #expect(first["task"]?["evidence"]?["summary"] == "1 file, +1 −0", "\(first)")
        // The person sends it back (from another process, as the board or the terminal would).
        let rejected = session.call(
            "reject_task", ["requestId": "req-1", "taskId": "task-1", "feedback": "Name it better."])
        #expect(rejected["task"]?["status"] == "in_progress", "\(rejected)")
        let resumed = session.call("get_next_task", [:])
        #expect(resumed["status"] == "resumed" && resumed["task"]?["round"] == 2, "\(resumed)")
        try repository.write("a.txt", Self.lines(2, "a") + Array("second try\n".utf8))
        let second = session.call(
            "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "Renamed."])
        let evidence = try #require(second["task"]?["evidence"], "\(second)")
        #expect(evidence["round"] == 2 && evidence["summary"] == "1 file, +1 −1", "\(evidence)")
        #expect(evidence["notes"] == [], "the round began where the last one was marked done")
        let patch = try ServerProcess.run(["diff", "task-1", "--state", state])
        #expect(patch.stdout.contains("-first try\n+second try\n"), "\(patch)")
    }

    @Test func outsideARepositoryOrWithoutGitTheEvidenceSaysWhy() throws {
        let plain = URL(fileURLWithPath: TemporaryDirectory.make()).resolvingSymlinksInPath().path
        for (path, expected) in [
            ("/usr/bin:/bin", "is not in a git repository"), ("/nonexistent", "git is not installed"),
        ] {
            let session = try Session(
                directory: plain, path: path, statePath: TemporaryDirectory.make() + "/state.json")
            defer { session.end() }
            _ = session.call("request_planning", Self.plan)
            _ = session.call("get_next_task", [:])
            let done = session.call(
                "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "Done anyway."])
            let evidence = try #require(done["task"]?["evidence"], "\(done)")
            #expect(evidence["summary"]?.stringValue?.contains(expected) == true, "\(evidence)")
            #expect(done["autoApproved"] == false, "the tool call itself succeeds")
        }
    }

    /// The question the client shows the person carries the change beside the agent's report.
    @Test func theQuestionToThePersonCarriesTheChange() throws {
        let repository = try Repository(files: ["a.txt": Self.lines(2, "a")])
        let session = try Session(
            directory: repository.top, statePath: TemporaryDirectory.make() + "/state.json",
            extra: ["--approver", "human"],
            capabilities: ["elicitation": [:]])
        defer { session.end() }
        _ = session.call("request_planning", Self.plan)
        _ = session.call("get_next_task", [:])
        try repository.write("a.txt", Self.lines(3, "a"))
        _ = session.call(
            "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "One more line."])
        let question = session.request(
            "tools/call", ["name": "approve_task_completion", "arguments": ["requestId": "req-1", "taskId": "task-1"]])
        #expect(question["method"] == "elicitation/create", "\(question)")
        let message = question["params"]?["message"]?.stringValue ?? ""
        #expect(message.contains("What was done: One more line."), "\(message)")
        #expect(message.contains("Changed in the working tree: 1 file, +1 −0.\n- modified a.txt: +1 −0"), "\(message)")
    }

    /// A server that starts on a state file lets go of the snapshots of its archived tasks, so `git gc`
    /// may collect them; the live ones stay.
    @Test func snapshotsOfArchivedTasksAreLetGo() throws {
        let repository = try Repository(files: ["a.txt": Self.lines(2, "a")])
        let state = TemporaryDirectory.make() + "/state.json"
        let first = try Session(directory: repository.top, statePath: state)
        _ = first.call("request_planning", Self.plan)
        _ = first.call("get_next_task", [:])
        _ = first.call("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "Done."])
        first.end()
        let refs = { try repository.run(["for-each-ref", "--format=%(refname)", "refs/mcp-orchestrator/"]) }
        #expect(try refs().split(separator: "\n").count == 2, "start and end of task-1")
        // The plan moves to the archive, as the retention moves finished plans.
        let document = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: state))))
        guard case .object(var members) = document, let request = members["requests"]?.arrayValue?.first else {
            Issue.record("the state file has no request: \(document)")
            return
        }
        let line: JSONValue = [
            "schemaVersion": members["schemaVersion"] ?? 4, "archivedAt": "2026-12-01T09:00:00.000Z",
            "request": request, "runs": [],
        ]
        let archive = String(state.dropLast(".json".count)) + ".archive.jsonl"
        try Data(JSONWriter.bytes(from: line) + [10]).write(to: URL(fileURLWithPath: archive))
        members["requests"] = []
        try Data(JSONWriter.bytes(from: .object(members))).write(to: URL(fileURLWithPath: state))
        let second = try Session(directory: repository.top, statePath: state)
        defer { second.end() }
        // Let go beside the server's loop: waited for here until it is done; a server killed as hung
        // (the process time limit) ends the wait, and the expectation below fails.
        while try !refs().isEmpty, second.server.process.isRunning { usleep(20_000) }
        #expect(try refs().isEmpty, "the archived task's snapshots are let go")
        _ = second.call("request_planning", Self.plan)
        _ = second.call("get_next_task", [:])
        #expect(try refs().contains("/task-3/1/start"), "a live task's snapshot is taken and kept")
    }
}
