import OrchestratorCore
import OrchestratorWorkflows
import Testing

/// Where definitions and roles come from: option, else environment, else defaults.
@Suite struct WorkflowSourcesTests {
    func resolve(_ options: [String] = [], environment: [String: String] = [:], shipped: String? = "/opt/mo/workflows")
        -> WorkflowSources
    {
        WorkflowSources.resolve(
            options: options, environment: environment, userData: "/home/u/.local/share", shipped: shipped,
            workingDirectory: "/work")
    }

    @Test func optionsWinAndAreMadeAbsoluteWithTheShippedRolesLast() {
        let sources = resolve(["flows", "/abs/more"], environment: ["MCP_ORCHESTRATOR_WORKFLOWS": "/ignored"])
        #expect(
            sources
                == WorkflowSources(
                    directories: ["/work/flows", "/abs/more"],
                    roleDirectories: ["/work/flows", "/abs/more", "/opt/mo/workflows"], origin: .option))
    }

    @Test func theEnvironmentListIsUsedWithoutOptions() {
        let sources = resolve(environment: ["MCP_ORCHESTRATOR_WORKFLOWS": "/a:rel"])
        #expect(sources.directories == ["/a", "/work/rel"])
        #expect(sources.origin == .environment)
        #expect(sources.roleDirectories.last == "/opt/mo/workflows")
    }

    @Test func theDefaultIsThePerUserFolderThenTheShippedOne() {
        #expect(
            resolve()
                == WorkflowSources(
                    directories: ["/home/u/.local/share/mcp-orchestrator/workflows", "/opt/mo/workflows"],
                    roleDirectories: ["/home/u/.local/share/mcp-orchestrator/workflows", "/opt/mo/workflows"],
                    origin: .defaults))
        #expect(resolve(shipped: nil).directories == ["/home/u/.local/share/mcp-orchestrator/workflows"])
        #expect(resolve(environment: ["MCP_ORCHESTRATOR_WORKFLOWS": ""]).origin == .defaults)
    }

    @Test func theShippedFolderIsFoundByWalkingUpFromTheExecutable() {
        let shipped = WorkflowFixtures.shipped
        let root = String(shipped.dropLast("/workflows".count))
        #expect(ShippedWorkflows.locate(executablePath: "\(root)/.build/x86_64/release/mcp-orchestrator") == shipped)
        #expect(ShippedWorkflows.locate(executablePath: "/nonexistent/bin/mcp-orchestrator") == nil)
        #expect(ShippedWorkflows.locate(executablePath: nil) == nil)
    }

    @Test func anEarlierDirectoryShadowsALaterOneInListingAndLookup() {
        let step = "# Orchestrator Guidance\nFINISH.\n\n# Client Instructions\n"
        let first = WorkflowFixtures.directory(["Demo/index.md": "# First\n1. [A](a.md)", "Demo/a.md": step + "first"])
        let second = WorkflowFixtures.directory([
            "demo/index.md": "# Second\n1. [A](a.md)", "demo/a.md": step + "second",
            "other/index.md": "# Other\n1. [A](a.md)", "other/a.md": step + "other",
        ])
        let library = WorkflowLibrary(directories: [first, second])
        #expect(
            library.workflows().map { "\($0.name) \($0.definition?.title ?? "")" } == ["Demo First", "other Other"])
        #expect(library.workflow(named: "demo")?.definition?.title == "First")
        #expect(library.workflow(named: "Demo")?.directory == first)
        #expect(library.workflow(named: "OTHER")?.directory == second)
        #expect(library.workflow(named: "none") == nil)
    }
}
