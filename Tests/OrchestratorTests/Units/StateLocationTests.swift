import OrchestratorStorage
import OrchestratorSystem
import Testing

struct StateLocationTests {
    @Test func theOptionWinsAndRelativePathsBecomeAbsolute() throws {
        let location = try StateLocation.resolve(
            option: "data/s.json", environment: ["MCP_ORCHESTRATOR_STATE": "/env.json"], workingDirectory: "/work",
            homeDirectory: "/home/u")
        #expect(location == StateLocation(path: "/work/data/s.json", source: .option))
    }

    @Test func theEnvironmentComesNextWithTildeExpanded() throws {
        let location = try StateLocation.resolve(
            option: nil, environment: ["MCP_ORCHESTRATOR_STATE": "~/o/state.json"], workingDirectory: "/",
            homeDirectory: "/home/u")
        #expect(location == StateLocation(path: "/home/u/o/state.json", source: .environment))
    }

    @Test func theDefaultIsThePerUserDataDirectoryEvenWhenStartedFromRoot() throws {
        let location = try StateLocation.resolve(
            option: nil, environment: [:], workingDirectory: "/", homeDirectory: "/home/u")
        #if os(macOS)
            #expect(location.path == "/home/u/Library/Application Support/mcp-orchestrator/state.json")
        #else
            #expect(location.path == "/home/u/.local/share/mcp-orchestrator/state.json")
            let xdg = try StateLocation.resolve(
                option: nil, environment: ["XDG_DATA_HOME": "/xdg"], workingDirectory: "/", homeDirectory: "/home/u")
            #expect(xdg == StateLocation(path: "/xdg/mcp-orchestrator/state.json", source: .platformDefault))
        #endif
        #expect(location.directory.hasSuffix("/mcp-orchestrator"))
    }

    @Test func noHomeAndNoPathIsAnError() {
        #expect(throws: StateLocationError.noHomeDirectory) {
            try StateLocation.resolve(option: nil, environment: [:], workingDirectory: "/", homeDirectory: nil)
        }
        #expect(throws: StateLocationError.emptyPath(source: .environment)) {
            try StateLocation.resolve(
                option: nil, environment: ["MCP_ORCHESTRATOR_STATE": ""], workingDirectory: "/", homeDirectory: "/h")
        }
    }
}
