import OrchestratorCore
import OrchestratorMCP
import OrchestratorTools
import Testing
import mcp_orchestrator

struct LaunchOptionsTests {
    @Test func defaultsServeTheCoreAndWorkflowSets() throws {
        let command = try LaunchOptions.parse([]).get()
        #expect(command == .serve(LaunchOptions()))
        #expect(LaunchOptions().toolsets == [.server, .core, .workflows])
    }

    @Test func everyOptionIsReadInBothSpellings() throws {
        let command = try LaunchOptions.parse([
            "--state", "/tmp/s.json", "--workflows=/a", "--workflows", "/b", "--toolsets", "taskmanager,core",
            "--approver=human", "--log-level", "debug", "--max-line-bytes", "2048",
        ]).get()
        var expected = LaunchOptions()
        expected.statePath = "/tmp/s.json"
        expected.workflowDirectories = ["/a", "/b"]
        expected.toolsets = [.server, .core, .taskmanager]
        expected.approver = .human
        expected.logLevel = .debug
        expected.maximumLineBytes = 2048
        #expect(command == .serve(expected))
    }

    @Test func allEnablesEveryToolSet() throws {
        guard case .serve(let options) = try LaunchOptions.parse(["--toolsets", "all"]).get() else {
            Issue.record("expected serve")
            return
        }
        #expect(options.toolsets == Toolset.allCases)
    }

    @Test(arguments: [
        (["--bogus"], "unknown option '--bogus'"),
        (["serve"], "unexpected argument 'serve'; the server takes options only"),
        (["--state"], "--state needs a value"),
        (["--state", "--toolsets"], "--state needs a value"),
        (["--approver", "robot"], "--approver takes agent or human, not 'robot'"),
        (
            ["--log-level", "loud"],
            "--log-level takes one of debug, info, notice, warning, error, critical, alert, emergency, not 'loud'"
        ),
        (
            ["--toolsets", "core,nope"],
            "--toolsets: 'nope' is not a tool set; choose from core, workflows, taskmanager, orchestrator-server, task-orchestrator, workflow-orchestration, all"
        ),
        (["--max-line-bytes", "12"], "--max-line-bytes takes a whole number of bytes, at least 1024, not '12'"),
    ])
    func badCommandLinesAreRefusedWithASentence(arguments: [String], message: String) {
        #expect(LaunchOptions.parse(arguments) == .failure(LaunchError(message: message)))
    }

    @Test func helpAndVersionAreCommands() {
        #expect(LaunchOptions.parse(["--help"]) == .success(.help))
        #expect(LaunchOptions.parse(["-h"]) == .success(.help))
        #expect(LaunchOptions.parse(["--version"]) == .success(.version))
    }
}
