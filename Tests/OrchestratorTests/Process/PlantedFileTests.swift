import Foundation
import OrchestratorJSON
import Testing

/// Files that are not what they seem (issue 26, part 3), met through the binary: a FIFO, a socket or
/// a device where a file belongs is named in a sentence instead of hanging the reader; a committed
/// `.mcp-orchestrator` that is a symbolic link is not followed; a state file someone else could have
/// written is refused, as ssh refuses loose key files; bidirectional controls never reach the terminal.
@Suite struct PlantedFileTests {
    static let plan: JSONValue = ["originalRequest": "R", "tasks": [["title": "T", "description": "d"]]]

    static func code(_ result: JSONValue) -> String? { result["structuredContent"]?["error"]?["code"]?.stringValue }

    static func fifo(_ path: String) throws {
        try #require(mkfifo(path, 0o600) == 0, "mkfifo \(path)")
    }

    @Test func aFIFOAsTheStateFileIsNamedNotWaitedOn() throws {
        let folder = TemporaryDirectory.make()
        let state = folder + "/state.json"
        try Self.fifo(state)
        let status = try ServerProcess.run(["status", "--state", state])
        #expect(status.status != 0)
        #expect(status.stderr.contains("\(state)") && status.stderr.contains("a FIFO"), "\(status.stderr)")
        let server = try LineClient(arguments: ["--state", state])
        let info = try server.call("server_info")
        #expect(info["isError"] == nil)
        let refused = try server.call("request_planning", Self.plan)
        #expect(refused["isError"] == true)
        #expect(refused["content"]?[0]?["text"]?.stringValue?.contains("a FIFO, not a regular file") == true)
        #expect(try server.call("list_requests", ["archived": true])["isError"] == true)
        #expect(server.close() == 0)
    }

    @Test func aFIFOAsTheArchiveOrTheLockIsNamed() throws {
        let folder = TemporaryDirectory.make()
        let state = folder + "/state.json"
        let server = try LineClient(arguments: ["--state", state])
        #expect(try server.call("request_planning", Self.plan)["isError"] == nil)
        try Self.fifo(folder + "/state.archive.jsonl")
        let archived = try ServerProcess.run(["status", "--archived", "--state", state])
        #expect(archived.status != 0 && archived.stderr.contains("a FIFO"), "\(archived.stderr)")
        let search = try ServerProcess.run(["search", "T", "--state", state])
        #expect(search.status != 0 && search.stderr.contains("a FIFO"), "\(search.stderr)")
        // A read of the archive that fails is said as that, not as a failed save.
        #expect(Self.code(try server.call("list_requests", ["archived": true])) == "archive_unreadable")
        #expect(archived.stderr.contains("The archive \(folder)/state.archive.jsonl cannot be read"))
        #expect(server.close() == 0)

        try FileManager.default.removeItem(atPath: state + ".lock")
        try Self.fifo(state + ".lock")
        let change = try ServerProcess.run(["approver", "req-1", "human", "--state", state])
        #expect(change.status == 74, "\(change.stderr)")
        #expect(change.stderr.contains("\(state).lock is not a regular file"), "\(change.stderr)")
    }

    @Test func aFIFOAsTheTokensFileOrAWorkflowStepIsNamed() throws {
        let folder = TemporaryDirectory.make()
        let tokens = folder + "/tokens.json"
        try Self.fifo(tokens)
        let serve = try ServerProcess.run([
            "serve", "--http", "127.0.0.1:0", "--tokens", tokens, "--state", folder + "/s.json",
        ])
        #expect(serve.status == 78)
        #expect(serve.stderr.contains("a FIFO"), "\(serve.stderr)")

        let workflows = folder + "/workflows/trap"
        try FileManager.default.createDirectory(atPath: workflows + "/steps", withIntermediateDirectories: true)
        try "1. [Only](steps/only.md)\n".write(toFile: workflows + "/index.md", atomically: true, encoding: .utf8)
        try Self.fifo(workflows + "/steps/only.md")
        let server = try LineClient(arguments: ["--state", folder + "/s.json", "--workflows", folder + "/workflows"])
        let listed = try server.call("list_workflows")
        #expect(listed["isError"] == nil)
        #expect(server.close() == 0)
    }

    @Test func aCommittedProjectFolderThatIsALinkIsNotFollowed() throws {
        let repository = TemporaryDirectory.make()
        let elsewhere = TemporaryDirectory.make()
        try FileManager.default.createSymbolicLink(
            atPath: repository + "/.mcp-orchestrator", withDestinationPath: elsewhere)
        let status = try ServerProcess.run(
            ["status"], launcher: ["/usr/bin/env", "-C", repository, ServerProcess.executable.path])
        #expect(status.status != 0)
        #expect(status.stderr.contains("\(repository)/.mcp-orchestrator is a symbolic link"), "\(status.stderr)")
        let server = try ServerProcess.run(
            [], input: ServerProcess.initializeLine,
            launcher: ["/usr/bin/env", "-C", repository, ServerProcess.executable.path])
        #expect(server.status == 78)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty, "nothing made through the link")
    }

    @Test func aStateFileOthersCouldWriteIsRefusedWithTheFix() throws {
        let folder = TemporaryDirectory.make()
        let state = folder + "/state.json"
        let server = try LineClient(arguments: ["--state", state])
        #expect(try server.call("request_planning", Self.plan)["isError"] == nil)
        #expect(server.close() == 0)
        #expect(chmod(state, 0o666) == 0)
        let loose = try ServerProcess.run(["status", "--state", state])
        #expect(loose.status != 0)
        #expect(loose.stderr.contains("writable by anyone (mode 666)") && loose.stderr.contains("chmod 600 \(state)"))
        #expect(chmod(state, 0o620) == 0)
        #expect(try ServerProcess.run(["status", "--state", state]).stderr.contains("writable by its group"))
        #expect(chmod(state, 0o600) == 0)
        #expect(try ServerProcess.run(["status", "--state", state]).status == 0)
        if geteuid() == 0 {
            // Owned by someone else (nobody): refused even though root could read it.
            #expect(chown(state, 65534, 65534) == 0)
            let foreign = try ServerProcess.run(["status", "--state", state])
            #expect(
                foreign.status != 0 && foreign.stderr.contains("owned by another user (uid 65534)"), "\(foreign.stderr)"
            )
        }
    }

    @Test func bidirectionalControlsArePicturedInStatus() throws {
        let folder = TemporaryDirectory.make()
        let state = folder + "/state.json"
        let server = try LineClient(arguments: ["--state", state])
        let title = "Fix login \u{202E}txt.exe\u{202C} now"
        _ = try server.call(
            "request_planning", ["originalRequest": "R", "tasks": [["title": .string(title), "description": "d"]]])
        #expect(server.close() == 0)
        let status = try ServerProcess.run(["status", "--state", state])
        #expect(!status.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x202C })
        #expect(status.stdout.contains("\\u{202e}txt.exe\\u{202c}"), "\(status.stdout)")
    }
}
