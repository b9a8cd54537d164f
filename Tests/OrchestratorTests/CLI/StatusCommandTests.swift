import Foundation
import OrchestratorCore
import OrchestratorJSON
import Testing

/// `status`: aligned tables with the state file's path and revision; colour only on a terminal.
@Suite struct StatusCommandTests {
    /// The commands a view suggests reach the same plans: they repeat `--store` as given, unless a
    /// password is written in it, which is never printed; then a line asks for the store instead.
    @Test func theSuggestedCommandsRepeatTheStoreUnlessItHoldsAPassword() {
        let (_, cli) = ApprovalCommandTests.setUp()
        #expect(cli.run(["status", "--store", "postgresql://ada@db.example/plans"]) == 0)
        #expect(
            cli.out.contains(
                "mcp-orchestrator approve task-1 --state \(cli.statePath) --store postgresql://ada@db.example/plans"),
            "\(cli.out)")
        for command in [["status"], ["show", "task-1"]] {
            #expect(cli.run(command + ["--store", "postgresql://ada:s3cret@db.example/plans"]) == 0)
            #expect(!cli.out.contains("s3cret") && !cli.out.contains("--store postgresql"), "\(cli.out)")
            #expect(cli.out.contains("(each with your --store, which holds a password"), "\(cli.out)")
        }
    }

    @Test func tablesAreAlignedAndNameTheFileAndRevision() {
        var (server, cli) = ApprovalCommandTests.setUp()
        _ = server.call(
            "request_planning",
            [
                "originalRequest": "Second",
                "tasks": [["title": "A much longer title", "description": "d", "priority": "high"]],
            ])
        #expect(cli.run(["status"]) == 0)
        #expect(
            cli.out == """
                State file \(cli.statePath) (--state, revision 4)

                req-1 (active, policy each): R — 1 pending, 1 done
                #  task    title  priority  after   status           holder
                -  ------  -----  --------  ------  ---------------  -------
                1  task-1  One    medium    —       done, needs you  harness
                2  task-2  Two    medium    task-1  pending          

                req-2 (active, policy each): Second — 1 pending
                #  task    title                priority  after  status   holder
                -  ------  -------------------  --------  -----  -------  ------
                1  task-3  A much longer title  high      —      pending  

                Waiting for you:
                  task-1 of req-1, done: One
                    mcp-orchestrator approve task-1 --state \(cli.statePath)
                    mcp-orchestrator reject task-1 --feedback 'what to change' --state \(cli.statePath)

                """)
        #expect(!cli.out.contains("\u{1B}["), "no colour when not a terminal")
        #expect(cli.run(["status"], terminal: true) == 0)
        #expect(cli.out.contains("\u{1B}[31mdone, needs you\u{1B}[0m"))
        #expect(cli.run(["status", "req-2"]) == 0)
        #expect(!cli.out.contains("req-1"))
        #expect(cli.run(["status", "req-7"]) == 1)
        #expect(cli.err == "mcp-orchestrator status: no request has the id req-7, live or archived\n")
    }

    /// A request whose every task is approved waits for the person to close it; `status` names it
    /// and the one command that does.
    @Test func aFullyApprovedRequestShowsTheCommandThatClosesIt() {
        var (server, cli) = ApprovalCommandTests.setUp(approver: .agent)
        _ = server.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"])
        _ = server.call("get_next_task")
        _ = server.call("mark_task_done", ["requestId": "req-1", "taskId": "task-2", "completedDetails": "x"])
        _ = server.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-2"])
        #expect(cli.run(["status"]) == 0)
        #expect(
            cli.out.hasSuffix(
                """
                Waiting for you:
                  req-1, every task approved: R
                    mcp-orchestrator approve-request req-1 --state \(cli.statePath)

                """), "\(cli.out)")
        #expect(cli.run(["approve-request", "req-1"]) == 0)
        #expect(cli.run(["status"]) == 0)
        #expect(!cli.out.contains("Waiting for you"))
    }

    @Test func anEmptyArchiveSaysSoAndWhenWorkGetsThere() {
        let (_, cli) = ApprovalCommandTests.setUp()
        #expect(cli.run(["status", "--archived"]) == 0)
        #expect(
            cli.out.hasSuffix(
                "\nNothing is archived yet: a request moves to \(cli.statePath.dropLast(".json".count)).archive.jsonl once it "
                    + "has been completed for the servers' retention (--archive-after-days).\n"
            ), "\(cli.out)")
        #expect(!cli.out.contains("No active requests"))
    }

    @Test func anEmptyOrUnreadableStoreIsReportedPlainly() throws {
        let cli = CLIHarness()
        #expect(cli.run(["status"]) == 1)
        #expect(cli.err.contains("no state file at \(cli.statePath) yet: nothing has been planned with this path"))
        #expect(
            !FileManager.default.fileExists(atPath: cli.statePath)
                && !FileManager.default.fileExists(atPath: cli.statePath + ".lock"))
        try "{not json".write(toFile: cli.statePath, atomically: true, encoding: .utf8)
        #expect(cli.run(["status"]) == 74)
        #expect(cli.err.contains("is not valid JSON") || cli.err.contains("not JSON"), "\(cli.err)")
    }
}
