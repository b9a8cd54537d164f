import Foundation
import OrchestratorJSON
import Testing

/// `workflows validate` and `config`.
@Suite struct WorkflowsAndConfigCommandTests {
    @Test func validateListsEveryWorkflowAndFailsOnErrors() {
        let cli = CLIHarness()
        #expect(cli.run(["workflows", "validate", WorkflowFixtures.shipped]) == 0)
        #expect(cli.out.contains("ok   commit_message (7 steps) in \(WorkflowFixtures.shipped)"))
        #expect(cli.out.hasSuffix("6 workflows in \(WorkflowFixtures.shipped): 0 errors, 0 warnings.\n"))

        let broken = WorkflowFixtures.directory([
            "broken/index.md": "1. [Only](steps/only.md)\n2. [Lost](steps/lost.md)",
            "broken/steps/only.md":
                "# Orchestrator Guidance\nGo.\n\n# Client Instructions\nDo.\n\n# Transitions\n- success -> Nowhere\n",
            "broken/steps/lost.md": "# Orchestrator Guidance\nFINISH.\n\n# Client Instructions\nDo.\n",
        ])
        #expect(cli.run(["workflows", "validate", broken]) == 1)
        #expect(cli.out.contains("FAIL broken (not loadable)"))
        #expect(
            cli.out.contains(
                "\(broken)/broken/steps/only.md:8: error: the rule 'success -> Nowhere' leads to 'Nowhere'"))
        #expect(cli.out.hasSuffix("1 workflow in \(broken): 1 error, 0 warnings.\n"))

        #expect(cli.run(["workflows", "validate", "/nonexistent/flows"]) == 74)
        #expect(cli.run(["workflows", "check"]) == 64)
        #expect(cli.err.contains("one action, validate"))
        #expect(cli.run(["workflows"]) == 64)
    }

    @Test(arguments: ["claude-desktop", "cline", "claude-code"])
    func configPrintsAnEntryThatParsesWithAbsolutePaths(client: String) throws {
        let cli = CLIHarness()
        #expect(
            cli.run(["config", client, "--state", "data/state.json", "--workflows", "flows", "--approver", "human"])
                == 0)
        let entry = try JSONParser.parse(cli.out)["mcpServers"]?["orchestrator"]
        #expect(entry?["command"] == "/opt/bin/mcp-orchestrator")
        #expect(
            entry?["args"] == ["--state", "/work/data/state.json", "--workflows", "/work/flows", "--approver", "human"])
        #expect((entry?["type"] == "stdio") == (client != "claude-desktop"), "Cline and Claude Code name the transport")
        switch client {
        case "claude-code":
            #expect(
                cli.err.contains(
                    "claude mcp add --transport stdio --scope user orchestrator -- /opt/bin/mcp-orchestrator --state /work/data/state.json"
                ))
        case "cline":
            #expect(cli.err.contains("cline_mcp_settings.json"))
        default:
            #expect(cli.err.contains("claude_desktop_config.json"))
        }
    }

    @Test func configRefusesUnknownClientsAndOptions() {
        let cli = CLIHarness()
        #expect(cli.run(["config", "vim"]) == 64)
        #expect(cli.err.contains("CLIENT is one of claude-desktop, cline, claude-code, cursor, vscode, not 'vim'"))
        #expect(cli.run(["config", "cline", "--max-whatever", "3"]) == 64)
        #expect(cli.run(["config"]) == 64)
        #expect(cli.run(["config", "--help"]) == 0)
        #expect(cli.run(["workflows", "--help"]) == 0)
        #expect(cli.run(["export", "--help"]) == 0)
    }
}
