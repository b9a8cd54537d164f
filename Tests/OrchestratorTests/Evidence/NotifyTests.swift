import Foundation
import OrchestratorJSON
import Testing

/// The person's notify command, run by the real binary: told once, with the event as JSON on its
/// standard input, when a done task starts waiting for them and when a request is ready to close;
/// never holding up or failing the change that caused it.
@Suite(.serialized) struct NotifyTests {
    let folder = TemporaryDirectory.make()
    var log: String { folder + "/events.jsonl" }
    var state: String { folder + "/state.json" }

    /// What the command was told, one event a line.
    func events() -> [JSONValue] {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONParser.parse(Array($0.utf8)) }
    }

    func server(notify: String? = nil) throws -> EvidenceTests.Session {
        try EvidenceTests.Session(
            directory: folder, statePath: state, extra: notify.map { ["--notify-command", $0] } ?? [])
    }

    @Test func aWaitingTaskAndARequestReadyToCloseAreToldOnceEach() throws {
        let recording = "cat >> '\(log)'; echo >> '\(log)'"
        let first = try server(notify: recording)
        // A second server on the same file, told of nothing it did not do itself.
        let second = try server(notify: recording)
        var environment = ProcessInfo.processInfo.environment
        environment["MCP_ORCHESTRATOR_NOTIFY"] = recording
        /// The person approves from the command line, which tells of what that makes wait.
        func approve(_ task: String) throws {
            let approve = try ServerProcess(
                arguments: ["approve", "req-1", task, "--state", state], environment: environment)
            approve.closeInput()
            let approved = approve.finish()
            #expect(approved.status == 0, "\(approved)")
        }
        _ = first.call("request_planning", EvidenceTests.plan)
        _ = first.call("get_next_task", [:])
        _ = first.call(
            "mark_task_done",
            ["requestId": "req-1", "taskId": "task-1", "completedDetails": "First line.\nSecond line.\n3\n4\n5\n6\n7"])
        try approve("task-1")
        _ = second.call("get_next_task", ["instanceId": "other"])
        _ = second.call(
            "mark_task_done",
            ["requestId": "req-1", "taskId": "task-2", "completedDetails": "Done too.", "instanceId": "other"])
        try approve("task-2")
        // The deliveries under way finish before a process exits.
        first.end()
        second.end()
        // Each process tells on a thread of its own: the order across processes is the order they ran in.
        let told = events().sorted { ($0["task"]?["id"]?.stringValue ?? "~") < ($1["task"]?["id"]?.stringValue ?? "~") }
        #expect(told.map { $0["kind"] } == ["task_waiting", "task_waiting", "request_ready"], "\(told)")
        #expect(told.map { $0["task"]?["id"] } == ["task-1", "task-2", nil])
        #expect(told[0]["task"]?["report"] == "First line.\nSecond line.\n3\n4\n5", "the first lines of the report")
        #expect(told[0]["request"]?["text"] == "Change the files" && told[0]["stateFile"] == .string(state))
        #expect(told[2]["request"]?["id"] == "req-1")
    }

    @Test func aFailingCommandNeverFailsTheChangeAndIsSaidOnStderr() throws {
        let session = try server(notify: "cat > /dev/null; echo broken >&2; exit 3")
        _ = session.call("request_planning", EvidenceTests.plan)
        _ = session.call("get_next_task", [:])
        let done = session.call(
            "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "Done."])
        #expect(done["task"]?["status"] == "done", "\(done)")
        session.end()
        #expect(session.server.stderrSoFar.contains("notify: the notify command failed (exited(3)): broken"))
    }

    @Test func theEventNamesTheBoardWhileOneRuns() throws {
        let session = try server(notify: "cat >> '\(log)'; echo >> '\(log)'")
        _ = session.call("request_planning", EvidenceTests.plan)
        let board = try ServerProcess(arguments: ["board", "--state", state])
        defer {
            kill(board.process.processIdentifier, SIGKILL)
            _ = board.finish()
        }
        while !board.stderrSoFar.contains("\n") { usleep(10_000) }
        let printed = board.stderrSoFar
        let start = try #require(printed.range(of: "http://"))
        let end = try #require(printed.range(of: "/?token="))
        let origin = String(printed[start.lowerBound..<end.lowerBound])
        _ = session.call("get_next_task", [:])
        _ = session.call("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "Done."])
        session.end()
        let told = events()
        #expect(told.first?["board"] == .string(origin + "/"), "\(told) \(printed)")
    }
}
