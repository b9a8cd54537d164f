import Foundation
import OrchestratorJSON
import Testing

/// The real executable over pipes: start-up, shutdown, signals, stream hygiene and limits.
@Suite(.serialized)
struct BinaryTests {
    private static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test func theQuickstartSessionIsAnsweredOncePerRequestWithNothingElseOnStdout() throws {
        let input = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("data/examples/quickstart.jsonl"), encoding: .utf8)
        let state = ServerProcess.temporaryStatePath()
        let run = try ServerProcess.run(["--state", state], input: input)
        #expect(run.status == 0)
        let replies = try run.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(replies.map { $0["id"] } == .init((1...12).map { JSONValue.int($0) }))
        #expect(replies.allSatisfy { $0["jsonrpc"] == "2.0" && $0["error"] == nil })
        // The plan goes through its gate; the empty completedDetails is the one refusal.
        #expect(replies[4]["result"]?["structuredContent"]?["status"] == "awaiting_approval")
        #expect(replies[7]["result"]?["structuredContent"]?["error"]?["field"] == "completedDetails")
        #expect(replies.enumerated().filter { $0.element["result"]?["isError"] == true }.map(\.offset) == [7])
        #expect(replies[10]["result"]?["structuredContent"]?["request"]?["status"] == "completed")
        #expect(run.stderr.contains("state file \(state) (--state)"))
    }

    @Test func theWorkflowExampleWalksTheCommitMessageWorkflowToFinish() throws {
        let input = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("data/examples/workflow.jsonl"), encoding: .utf8)
        let run = try ServerProcess.run(
            ["--state", ServerProcess.temporaryStatePath(), "--workflows", WorkflowFixtures.shipped], input: input)
        let replies = try run.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(replies.map { $0["id"] } == .init((1...8).map { JSONValue.int($0) }))
        #expect(replies.enumerated().filter { $0.element["result"]?["isError"] == true }.map(\.offset) == [5])
        #expect(replies[5]["result"]?["structuredContent"]?["error"]?["code"] == "next_step_disagrees")
        #expect(
            replies.map { $0["result"]?["structuredContent"]?["next_step"]?["step_name"]?.stringValue ?? "-" }
                == [
                    "-", "Check Staged Files", "Read Staged Diff", "Suggest Message", "Ask For Approval", "-",
                    "Create Commit", "FINISH",
                ])
    }

    /// The same quick-start session in the 2026-07-28 revision: discovery, then every call with its
    /// own `_meta` envelope, through the same gate and the same one refusal.
    @Test func theModernExampleIsTheQuickstartSessionServedStatelessly() throws {
        let input = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("data/examples/modern.jsonl"), encoding: .utf8)
        let run = try ServerProcess.run(["--state", ServerProcess.temporaryStatePath()], input: input)
        let replies = try run.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(replies.map { $0["id"] } == .init((1...12).map { JSONValue.int($0) }))
        #expect(replies.allSatisfy { $0["result"]?["resultType"] == "complete" })
        #expect(replies[4]["result"]?["structuredContent"]?["status"] == "awaiting_approval")
        #expect(replies.enumerated().filter { $0.element["result"]?["isError"] == true }.map(\.offset) == [7])
        #expect(replies[7]["result"]?["structuredContent"]?["error"]?["field"] == "completedDetails")
        #expect(replies[10]["result"]?["structuredContent"]?["request"]?["status"] == "completed")
        #expect(replies[11]["result"]?["structuredContent"]?["era"] == "modern")
    }

    @Test func itExitsZeroWhenStdinCloses() throws {
        let server = try ServerProcess(arguments: ["--state", ServerProcess.temporaryStatePath()])
        server.write(ServerProcess.initializeLine)
        #expect(server.readLines(1).count == 1)
        server.closeInput()
        let run = server.finish()
        #expect(run.status == 0)
        #expect(server.process.terminationReason == .exit)
    }

    @Test func sigtermWhileWaitingForInputEndsItCleanly() throws {
        let server = try ServerProcess(arguments: [
            "--state", ServerProcess.temporaryStatePath(), "--log-level", "notice",
        ])
        server.write(ServerProcess.initializeLine)
        #expect(server.readLines(1).count == 1)
        kill(server.process.processIdentifier, SIGTERM)
        let run = server.finish()
        #expect(run.status == 0)
        #expect(server.process.terminationReason == .exit)
        #expect(run.stderr.contains("received signal 15; exiting"))
    }

    #if os(Linux)
        @Test func descriptorOneIsPointedAtStderrSoStrayPrintsCannotReachTheProtocol() throws {
            let server = try ServerProcess(arguments: ["--state", ServerProcess.temporaryStatePath()])
            server.write(ServerProcess.initializeLine)
            #expect(server.readLines(1).count == 1)
            let pid = server.process.processIdentifier
            let one = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/1")
            let two = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/2")
            #expect(one == two)
            server.closeInput()
            #expect(server.finish().status == 0)
        }
    #endif

    @Test func anOversizedLineIsRefusedAndTheNextOneServed() throws {
        let huge =
            #"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":""# + String(repeating: "x", count: 5000)
            + "\"}}\n"
        let run = try ServerProcess.run(
            ["--state", ServerProcess.temporaryStatePath(), "--max-line-bytes", "1024"],
            input: huge + ServerProcess.initializeLine)
        let replies = try run.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(replies.count == 2)
        #expect(replies[0]["error"]?["code"] == -32600)
        #expect(replies[0]["error"]?["data"] == ["limit": 1024])
        #expect(replies[1]["id"] == 1)
    }

    @Test func unknownOptionsExitNonZeroWithAUsageLine() throws {
        let run = try ServerProcess.run(["--frobnicate"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("unknown option '--frobnicate'"))
        #expect(run.stderr.contains("usage: mcp-orchestrator [--state PATH]"))
        // serve's mistakes are answered with serve's usage line.
        let serve = try ServerProcess.run(["serve", "--http", ":8114"])
        #expect(serve.status == 64 && serve.stdout.isEmpty)
        #expect(
            serve.stderr
                == "mcp-orchestrator serve: --http takes PORT or HOST:PORT (such as 127.0.0.1:8113), not ':8114'\n"
                + "usage: mcp-orchestrator serve [--http [HOST:]PORT] [--tokens FILE] [--allow-origin ORIGIN]... "
                + "[--allow-host NAME]... [the stdio server's options: mcp-orchestrator --help]\n", "\(serve)")
    }

    @Test func helpAndVersionPrintAndExitZero() throws {
        let help = try ServerProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--toolsets LIST"))
        let version = try ServerProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "mcp-orchestrator 0.1.0\n")
    }

    /// Runs the server as a client would: from `/`, with only `HOME` and `PATH` set, fed `lines`.
    static func runFromRoot(_ lines: [String] = []) throws -> (
        home: String, status: Int32, stdout: String, stderr: String
    ) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID().uuidString)").path
        let server = Process()
        server.executableURL = ServerProcess.executable
        server.currentDirectoryURL = URL(fileURLWithPath: "/")
        server.environment = ["HOME": home, "PATH": "/usr/bin:/bin", "MCP_ORCHESTRATOR_EVIDENCE": "off"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        server.standardInput = input
        server.standardOutput = output
        server.standardError = errors
        try server.run()
        input.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        try input.fileHandleForWriting.close()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        server.waitUntilExit()
        return (home, server.terminationStatus, stdout, stderr)
    }

    @Test func theStateFileDefaultsToThePerUserDataDirectoryWhenStartedFromRoot() throws {
        let (home, status, _, stderr) = try Self.runFromRoot()
        #expect(status == 0)
        #if os(macOS)
            #expect(
                stderr.contains(
                    "\(home)/Library/Application Support/mcp-orchestrator/state.json (the per-user default)"))
        #else
            #expect(stderr.contains("\(home)/.local/share/mcp-orchestrator/state.json (the per-user default)"))
        #endif
    }

    /// Started from `/` with no `--workflows`, the server still finds the workflows shipped beside
    /// its executable, and the per-user folder comes first.
    @Test func theShippedWorkflowsAreFoundFromTheExecutableNotTheWorkingDirectory() throws {
        let (home, _, stdout, _) = try Self.runFromRoot([
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_workflows","arguments":{}}}"#,
        ])
        let last = try #require(stdout.split(separator: "\n").last)
        let listed = try JSONParser.parse(String(last))["result"]?["structuredContent"]
        let directories = try #require(listed?["directories"]?.arrayValue?.compactMap { $0.stringValue })
        #expect(directories.count == 2)
        #expect(directories.first?.hasPrefix(home) == true)
        #expect(directories.last?.hasSuffix("/workflows") == true)
        #expect(listed?["workflows"]?.arrayValue?.count == 6)
        #expect(listed?["roles"]?.arrayValue?.count == 6)
    }

    @Test func brokenWorkflowsAndMissingDirectoriesAreReportedOnStderrAtStart() throws {
        let directory = WorkflowFixtures.directory([
            "broken/index.md": "1. [Only](steps/only.md)",
            "broken/steps/only.md":
                "# Orchestrator Guidance\nGo.\n\n# Client Instructions\nDo.\n\n# Transitions\n- success -> Nowhere\n",
        ])
        let result = try ServerProcess.run([
            "--state", ServerProcess.temporaryStatePath(), "--workflows", directory, "--workflows",
            "/nonexistent/flows",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.contains("workflows directory /nonexistent/flows (from --workflows) does not exist"))
        #expect(
            result.stderr.contains(
                "workflow broken: \(directory)/broken/steps/only.md:8: error: the rule 'success -> Nowhere' leads to 'Nowhere'"
            ), "\(result.stderr)")
    }
}
