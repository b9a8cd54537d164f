import Foundation
import OrchestratorCore
import OrchestratorJSON
import OrchestratorWorkflows
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the server must never do (issue 7): open network sockets, leave its files readable by
/// others, or read files outside a workflow's folder.
@Suite struct SecurityTests {
    #if os(Linux)
        /// A busy server opens no socket of its own, and holds no network socket at all. (The test
        /// harness's Process may hand the child a local socketpair; that one is there from the start.)
        @Test func noNetworkSocketIsEverOpened() throws {
            let client = try LineClient(arguments: [
                "--state", ServerProcess.temporaryStatePath(), "--toolsets", "all", "--workflows",
                WorkflowFixtures.shipped,
            ])
            let pid = client.server.process.processIdentifier
            func sockets() throws -> Set<String> {
                let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
                return Set(
                    descriptors.compactMap {
                        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")
                    }.filter { $0.hasPrefix("socket:") })
            }
            let atStart = try sockets()
            _ = try client.call(
                "request_planning", ["originalRequest": "r", "tasks": [["title": "t", "description": "d"]]])
            _ = try client.call("start_workflow", ["workflow_name": "commit_message"])
            _ = try client.call("list_workflows")
            _ = try client.call("get_system_health")
            let later = try sockets()
            #expect(later.subtracting(atStart).isEmpty, "opened \(later.subtracting(atStart))")
            let network = try ["tcp", "tcp6", "udp", "udp6", "raw", "raw6"].map {
                try String(contentsOfFile: "/proc/\(pid)/net/\($0)", encoding: .utf8)
            }.joined()
            for socket in later {
                let inode = socket.dropFirst("socket:[".count).dropLast()
                #expect(!network.contains(" \(inode) "), "\(socket) is a network socket")
            }
            #expect(client.close() == 0)
        }
    #endif

    @Test func theStateFileItsLockAndFolderAreOwnerOnly() throws {
        let folder = TemporaryDirectory.make() + "/fresh/deeper"
        let state = folder + "/state.json"
        let client = try LineClient(arguments: ["--state", state])
        _ = try client.call(
            "request_planning", ["originalRequest": "r", "tasks": [["title": "t", "description": "d"]]])
        #expect(client.close() == 0)
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
        }
        #expect(try mode(state) == 0o600)
        #expect(try mode(state + ".lock") == 0o600)
        #expect(try mode(folder) == 0o700)
    }

    @Test func aSymlinkCannotLeadAWorkflowOutOfItsFolder() throws {
        let directory = WorkflowFixtures.directory([
            "sneaky/index.md": "1. [Only](steps/only.md)",
            "sneaky/steps/only.md": "# Orchestrator Guidance\nFINISH.\n\n# Client Instructions\n{{file:secret.md}}\n",
        ])
        let secret = TemporaryDirectory.make() + "/secret.md"
        try "the password is hunter2".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: "\(directory)/sneaky/steps/secret.md", withDestinationPath: secret)
        let workflow = try #require(WorkflowLibrary(directories: [directory]).workflow(named: "sneaky"))
        #expect(workflow.definition == nil)
        #expect(
            workflow.errors.first?.description.contains("the included file 'steps/secret.md' does not exist") == true)
        // A link that stays inside the folder is fine.
        try "shared text".write(toFile: "\(directory)/sneaky/steps/inside.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: "\(directory)/sneaky/steps/secret.md")
        try FileManager.default.createSymbolicLink(
            atPath: "\(directory)/sneaky/steps/secret.md", withDestinationPath: "inside.md")
        #expect(
            WorkflowLibrary(directories: [directory]).workflow(named: "sneaky")?.definition?.steps[0].clientInstructions
                == "shared text")
    }
}
