import Foundation
import OrchestratorEvidence
import OrchestratorJSON
import OrchestratorSystem
import Testing

/// The project's own checks, run by the real binary on work marked done: only while the person
/// trusts the file as it is, in the background, a failing required check sending the work back before
/// the person is asked, a timeout enforced, and checks a stopped server left running run again.
@Suite(.serialized) struct ChecksTests {
    static let declared = """
        {"checks": [
          {"name": "quick", "run": ["sh", "-c", "echo fine"]},
          {"name": "unit", "run": ["sh", "-c", "test ! -e broken || { echo 'unit tests failed: 3 of 9'; exit 1; }"]},
          {"name": "slow", "run": ["sleep", "30"], "timeoutSeconds": 1, "required": false}
        ]}
        """

    let repository: EvidenceTests.Repository
    let home = TemporaryDirectory.make()
    let state = TemporaryDirectory.make() + "/state.json"

    init() throws {
        repository = try EvidenceTests.Repository(files: [
            "a.txt": EvidenceTests.lines(2, "a"), ".mcp-orchestrator/checks.json": Array(Self.declared.utf8),
        ])
    }

    /// The person trusts the file as it is now (what `checks trust` records).
    func trust() throws {
        let path = repository.top + "/.mcp-orchestrator/checks.json"
        try ChecksTrust(userData: home + "/.local/share").trust(
            path, digest: SHA256.hex(try FileSystem.readRegularFile(path)))
    }

    /// Where the person's notify command writes what it is told, one event a line.
    var told: String { state + ".told" }

    func session() throws -> EvidenceTests.Session {
        try EvidenceTests.Session(
            directory: repository.top, statePath: state, extra: ["--notify-command", "cat >> '\(told)'"],
            home: home)
    }

    /// What the notify command was told, once the server that told it has ended.
    func events() -> [JSONValue] {
        let text = (try? String(contentsOfFile: told, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONParser.parse(Array($0.utf8)) }
    }

    /// Plans a task, claims it and marks it done; returns the task as the answer shows it.
    func markDone(_ session: EvidenceTests.Session) -> JSONValue {
        _ = session.call("request_planning", EvidenceTests.plan)
        _ = session.call("get_next_task", ["instanceId": "agent"])
        return session.call(
            "mark_task_done",
            ["requestId": "req-1", "taskId": "task-1", "completedDetails": "Done.", "instanceId": "agent"])["task"]
            ?? .null
    }

    /// The task once its checks stopped running (the server's time limit ends a wait that never would).
    func settled(_ session: EvidenceTests.Session) -> JSONValue {
        while session.server.process.isRunning {
            let task = session.call("open_task_details", ["taskId": "task-1"])["task"] ?? .null
            let runs = task["checks"]?["runs"]?.arrayValue ?? []
            // Interrupted is a moment's state: a server that finds it runs the checks again at once.
            if !runs.contains(where: { $0["status"] == "running" || $0["status"] == "interrupted" }) { return task }
            usleep(20_000)
        }
        return .null
    }

    static func statuses(_ task: JSONValue) -> [String: String] {
        Dictionary(
            (task["checks"]?["runs"]?.arrayValue ?? []).map {
                ($0["name"]?.stringValue ?? "", $0["status"]?.stringValue ?? "")
            },
            uniquingKeysWith: { first, _ in first })
    }

    @Test func anUntrustedFileIsReportedAndNeverRun() throws {
        let session = try session()
        defer { session.end() }
        let done = markDone(session)
        #expect(done["status"] == "done")
        #expect(
            done["checks"]?["summary"]?.stringValue?.contains("is not trusted, or changed since it was") == true,
            "\(done)")
        #expect(done["checks"]?["runs"] == [])
    }

    @Test func trustedChecksRunAndAnAdvisoryTimeoutDoesNotSendTheWorkBack() throws {
        try trust()
        let session = try session()
        defer { session.end() }
        let done = markDone(session)
        #expect(Self.statuses(done) == ["quick": "running", "unit": "running", "slow": "running"], "\(done)")
        let task = settled(session)
        #expect(Self.statuses(task) == ["quick": "passed", "unit": "passed", "slow": "timed_out"], "\(task)")
        #expect(task["status"] == "done", "the person is asked; nothing failed that is required")
        session.end()
        // The person is told once the checks finished, with them.
        let told = events()
        #expect(told.map { $0["kind"] } == ["task_waiting"], "\(told)")
        #expect(told.first?["task"]?["checks"]?["summary"] == "2 passed, 1 timed out", "\(told)")
        let log = state + ".checks/task-1-round1-check1.log"
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "fine\n")
        // The person reads them from the terminal too.
        let show = try ServerProcess(arguments: ["show", "task-1", "--state", state])
        show.closeInput()
        let shown = show.finish()
        #expect(
            shown.stdout.contains(
                "Checks:\n  2 passed, 1 timed out (round 1)\n  passed quick (required), exit status 0"), "\(shown)")
        #expect(shown.stdout.contains("timed_out slow (advisory)"), "\(shown)")
    }

    @Test func aFailingRequiredCheckSendsTheWorkBackWithItsOutput() throws {
        try trust()
        try repository.write("broken", Array("yes\n".utf8))
        let session = try session()
        defer { session.end() }
        _ = markDone(session)
        let task = settled(session)
        #expect(task["status"] == "in_progress", "\(task)")
        #expect(
            task["feedback"]?.stringValue?.hasPrefix(
                "The required check 'unit' failed (exit status 1):\nunit tests failed: 3 of 9") == true, "\(task)")
        #expect(task["history"]?.arrayValue?.last?["actor"] == "checks")
        let resumed = session.call("get_next_task", ["instanceId": "agent"])
        #expect(resumed["status"] == "resumed" && resumed["task"]?["id"] == "task-1", "\(resumed)")
        session.end()
        // The person is told the work went back, never asked about it.
        let told = events()
        #expect(told.map { $0["kind"] } == ["work_sent_back"], "\(told)")
        let sent = told.first?["task"]
        #expect(sent?["id"] == "task-1" && sent?["feedback"] == task["feedback"], "\(told)")
        let unit = sent?["checks"]?["runs"]?.arrayValue?.first { $0["name"] == "unit" }
        #expect(unit?["status"] == "failed" && unit?["exitStatus"] == 1 && unit?["required"] == true, "\(told)")
    }

    @Test func aFileChangedAfterItWasTrustedIsNotRun() throws {
        try trust()
        try repository.write(
            ".mcp-orchestrator/checks.json", Array(Self.declared.replacing("echo fine", with: "curl evil").utf8))
        let session = try session()
        defer { session.end() }
        let done = markDone(session)
        #expect(
            done["checks"]?["summary"]?.stringValue?.contains("is not trusted, or changed since it was") == true,
            "\(done)")
    }

    /// A trusted check that waits for the file `go`, left running by a server killed with SIGKILL after
    /// marking the task done; returns the declaration.
    func checkLeftRunning(then after: String = "") throws -> String {
        let waiting = """
            {"checks": [{"name": "waits", "run": ["sh", "-c", "while [ ! -e go ]; do sleep 0.05; done\(after)"]}]}
            """
        try repository.write(".mcp-orchestrator/checks.json", Array(waiting.utf8))
        try trust()
        let first = try session()
        #expect(Self.statuses(markDone(first)) == ["waits": "running"])
        kill(first.server.process.processIdentifier, SIGKILL)
        // Only the process is waited for: the check it started outlives it, and holds what it inherited.
        first.server.process.waitUntilExit()
        return waiting
    }

    @Test func checksAStoppedServerLeftRunningRunAgain() throws {
        _ = try checkLeftRunning(then: "; echo went")
        let second = try session()
        defer { second.end() }
        try repository.write("go", Array("now\n".utf8))
        let task = settled(second)
        #expect(Self.statuses(task) == ["waits": "passed"], "\(task)")
        #expect(task["checks"]?["runs"]?[0]?["tail"] == "went")
    }

    /// What runs is checked against the trust when it runs: a file swapped after the round began (here
    /// while no server ran the checks) runs nothing.
    @Test func aFileSwappedBeforeTheChecksRunIsNotRun() throws {
        let waiting = try checkLeftRunning()
        try repository.write("go", Array("now\n".utf8))
        try repository.write(
            ".mcp-orchestrator/checks.json",
            Array(waiting.replacing("while [ ! -e go ]; do sleep 0.05; done", with: "touch pwned").utf8))
        let second = try session()
        defer { second.end() }
        let task = settled(second)
        #expect(task["checks"]?["runs"] == [], "\(task)")
        #expect(task["checks"]?["note"]?.stringValue?.hasSuffix("changed after it was trusted.") == true, "\(task)")
        #expect(!FileManager.default.fileExists(atPath: repository.top + "/pwned"))
    }

    @Test func onlyThePersonTrustsAndTheListSaysWhetherTheyDid() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        let listing = try ServerProcess(
            arguments: ["checks", "--dir", repository.top, "--state", state], environment: environment)
        listing.closeInput()
        let listed = listing.finish()
        #expect(listed.status == 0 && listed.stdout.contains("Not trusted"), "\(listed)")
        #expect(listed.stdout.contains("required unit: sh -c"), "\(listed)")
        // From a program (no terminal of the person's), trusting is refused.
        let refusal = try ServerProcess(
            arguments: ["checks", "trust", "--dir", repository.top, "--state", state], environment: environment)
        refusal.closeInput()
        let refused = refusal.finish()
        #expect(refused.status == 77, "\(refused)")
        // It says where the person can do it instead (only there: no board or dialog trusts checks).
        #expect(
            refused.stderr.hasSuffix(
                "an agent cannot decide for the person; read \(repository.top)/.mcp-orchestrator/checks.json, then trust it from your own terminal.\n"
            ), "\(refused)")
        // From the person's terminal, it is recorded.
        let trusted = try PersonTerminal.run(
            ["checks", "trust", "--dir", repository.top, "--state", state], environment: ["HOME": home])
        #expect(trusted.status == 0 && trusted.screen.contains("Trusted: servers run these checks"), "\(trusted)")
    }
}
