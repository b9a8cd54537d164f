import OrchestratorSystem
import Testing

/// The project rules of the state file's lookup, on a file system described in the test.
struct ProjectLookupTests {
    /// Folders and files by path; file contents where the rules read them.
    private func probe(folders: Set<String>, files: [String: String] = [:]) -> ProjectProbe {
        ProjectProbe(
            isDirectory: { folders.contains($0) }, isFile: { files[$0] != nil }, read: { files[$0] })
    }

    private func resolve(_ start: String, _ probe: ProjectProbe) throws -> StateLocation {
        try StateLocation.resolve(
            option: nil, environment: ["XDG_DATA_HOME": "/data"], workingDirectory: start, homeDirectory: "/home/u",
            probe: probe)
    }

    @Test func theNearestProjectFolderWinsOverTheRepository() throws {
        let world = probe(folders: ["/home/u/src/app/.git", "/home/u/src/app/.mcp-orchestrator"])
        let location = try resolve("/home/u/src/app/a/b", world)
        #expect(location.path == "/home/u/src/app/.mcp-orchestrator/state.json" && location.source == .project)
        #expect(location.reason(home: "/home/u") == "project ~/src/app (.mcp-orchestrator folder)")
        #expect(location.userDefault == "/data/mcp-orchestrator/state.json")
    }

    @Test func aWorktreeFindsItsRepositoryThroughCommondir() throws {
        let world = probe(
            folders: ["/home/u/src/app/.git"],
            files: [
                "/home/u/src/app-x/.git": "gitdir: ../app/.git/worktrees/app-x\n",
                "/home/u/src/app/.git/worktrees/app-x/commondir": "../..\n",
            ])
        let main = try resolve("/home/u/src/app", world)
        let worktree = try resolve("/home/u/src/app-x/deep", world)
        #expect(main.source == .repository && main.path == worktree.path)
        #expect(main.path.hasPrefix("/data/mcp-orchestrator/projects/app-"))
        #expect(worktree.reason(home: "/home/u") == "project ~/src/app, git repository")
    }

    @Test func twoRepositoriesOfTheSameNameAreTwoFiles() throws {
        let world = probe(folders: ["/a/app/.git", "/b/app/.git"])
        #expect(try resolve("/a/app", world).path != resolve("/b/app", world).path)
    }

    @Test func rootAndHomeUseThePerUserDefaultEvenInARepository() throws {
        let world = probe(folders: ["/home/u/.git", "/.git"])
        #expect(try resolve("/home/u", world).source == .platformDefault)
        #expect(try resolve("/", world).source == .platformDefault)
        #expect(try resolve("/home/u/notes", world).source == .repository)
    }
}
