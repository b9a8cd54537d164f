import Foundation
import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorStorage
import OrchestratorSystem
import OrchestratorTools
import Testing

/// Random and mutated JSON-RPC lines (issue 7). The oracle: nothing crashes; every request that can
/// be read gets exactly one valid JSON-RPC answer with its id; everything written is valid
/// JSON-RPC; and a line that was answered with an error left the state file byte for byte as it was.
///
/// CI runs a bounded number of lines; `MCP_ORCHESTRATOR_FUZZ_LINES=200000 swift test --filter Fuzz`
/// runs a long one (`MCP_ORCHESTRATOR_FUZZ_SEED` picks the seed).
@Suite struct ProtocolFuzzTests {
    static var lineCount: Int {
        ProcessInfo.processInfo.environment["MCP_ORCHESTRATOR_FUZZ_LINES"].flatMap(Int.init) ?? 1500
    }
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["MCP_ORCHESTRATOR_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_121
    }

    /// Every example session, and a call of every shipped tool with plausible arguments.
    static var seeds: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/examples")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        var lines = files.sorted().flatMap { file in
            ((try? String(contentsOfFile: root.appendingPathComponent(file).path, encoding: .utf8)) ?? "").split(
                separator: "\n"
            ).map(String.init)
        }
        let arguments: JSONValue = [
            "requestId": "req-1", "taskId": "task-1", "task_id": "task-1", "instance_id": "run-1",
            "completedDetails": "x",
            "originalRequest": "r", "tasks": [["title": "t", "description": "d"]], "workflow_name": "commit_message",
            "report": ["step_id": "Check Staged Files", "status": "staged"], "id": "fuzz", "description": "d",
        ]
        for tool in ShippedTools.all {
            lines.append(
                JSONWriter.string(from: [
                    "jsonrpc": "2.0", "id": 7, "method": "tools/call",
                    "params": ["name": .string(tool.name), "arguments": arguments],
                ]))
        }
        lines += [
            #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"prompts/get","params":{"name":"commit_message"}}"#,
            #"[{"jsonrpc":"2.0","id":3,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"}]"#,
            #"{"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"orchestrator://workflows/commit_message"}}"#,
        ]
        return lines
    }

    @Test func mutatedLinesAreAnsweredOnceAndNeverHarmTheState() throws {
        var mutator = LineMutator(seed: Self.seed)
        let seeds = Self.seeds
        var harness = ServerHarness(workflowDirectories: [WorkflowFixtures.shipped])
        var failures: [String] = []
        var answered = 0
        var refused = 0
        var changes = 0
        for index in 0..<Self.lineCount {
            // Every so often a fresh session, so lines before initialize and both eras are covered.
            if index % 200 == 0 {
                harness = ServerHarness(statePath: harness.statePath, workflowDirectories: [WorkflowFixtures.shipped])
                if mutator.below(4) != 0 {
                    harness.initialize(mutator.pick(["2024-11-05", "2025-03-26", "2025-11-25"]))
                }
            }
            let line = mutator.line(from: seeds)
            let before = try? Data(contentsOf: URL(fileURLWithPath: harness.statePath))
            // What the server loop does with a line over --max-line-bytes: refuse it from its head.
            if line.count > Self.lineLimit {
                harness.server.receiveOversizedLine(
                    byteCount: line.count, limit: Self.lineLimit,
                    head: Array(line.prefix(LineReader<StdinSource>.headBytes)))
            } else {
                harness.server.receive(line)
            }
            let replies = harness.sink.drain()
            answered += replies.count
            refused += replies.filter { $0["error"] != nil || $0["result"]?["isError"] == true }.count
            if (try? Data(contentsOf: URL(fileURLWithPath: harness.statePath))) != before { changes += 1 }
            if let problem = Self.check(line: line, replies: replies, before: before, statePath: harness.statePath) {
                failures.append(
                    "line \(index) (seed \(Self.seed)): \(problem)\n  sent: \(String(decoding: line.prefix(300), as: UTF8.self))"
                )
                if failures.count >= 5 { break }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
        print(
            "fuzz seed \(Self.seed): \(Self.lineCount) lines, \(answered) answers, \(refused) refused, \(changes) changed the state file, \(failures.count) failures"
        )
        // The mix is meaningful: most lines are answered, many refused, and some still change state.
        #expect(
            answered > Self.lineCount / 2 && refused > Self.lineCount / 4 && changes > 0,
            "answered \(answered), refused \(refused), changes \(changes)")
    }

    /// The in-process stand-in for `--max-line-bytes`: the huge-value mutation goes over it.
    static let lineLimit = 64 * 1024

    /// What is wrong with the answers to `line`, or `nil`.
    static func check(line: [UInt8], replies: [JSONValue], before: Data?, statePath: String) -> String? {
        for reply in replies {
            let messages = reply.arrayValue ?? [reply]
            for message in messages where !isValidMessage(message) {
                return "invalid JSON-RPC: \(message.description.prefix(300))"
            }
        }
        let answers = replies.flatMap { $0.arrayValue ?? [$0] }.filter { $0["method"] == nil }
        if line.count > lineLimit {
            guard answers.count == 1, answers[0]["error"]?["code"] == -32600 else {
                return "an oversized line got \(answers.count) answers"
            }
            // The id is recovered when the line's head holds it before anything else big.
            let head = String(decoding: line.prefix(LineReader<StdinSource>.headBytes), as: UTF8.self)
            if let sent = try? JSONParser.parse(line, keepsMessageIDs: true), let wanted = sent["id"],
                JSONRPCID(wanted) != nil, let idAt = head.range(of: #""id":"#),
                head.range(of: #""params""#).map({ idAt.lowerBound < $0.lowerBound }) ?? true,
                answers[0]["id"] != wanted
            {
                return "an oversized line's id \(wanted) came back as \(answers[0]["id"] ?? .null)"
            }
            return nil
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let sent = try? JSONParser.parse(line, keepsMessageIDs: true) else {
            return answers.count == 1 && answers[0]["id"] == .null
                ? nil : "unparsable line got \(answers.count) answers"
        }
        // An id that is a number no Int holds comes back exactly as the line wrote it.
        if case .numberLiteral(let literal)? = sent["id"], !text.contains(#""id":\#(literal)"#) {
            return "the id literal \(literal) is not what the line wrote"
        }
        if case .object = sent, sent["id"] != nil, case .string? = sent["method"] {
            let wanted = sent["id"]!
            let echoable = JSONRPCID(wanted) != nil
            let matching = answers.filter { $0["id"] == (echoable ? wanted : .null) }
            if matching.count != 1 || answers.count != 1 {
                return "expected one answer for id \(wanted), got \(answers.count)"
            }
        }
        let failed = answers.contains { $0["error"] != nil || $0["result"]?["isError"] == true }
        if failed, answers.count == 1, let before {
            let after = try? Data(contentsOf: URL(fileURLWithPath: statePath))
            if after != before { return "a refused call changed the state file" }
        }
        return nil
    }

    /// A response (result xor error, with an id) or a server notification or request.
    static func isValidMessage(_ message: JSONValue) -> Bool {
        guard case .object(let members) = message, members["jsonrpc"] == "2.0" else { return false }
        if let method = members["method"] { return method.stringValue != nil }
        guard members.keys.contains("id") else { return false }
        let hasResult = members["result"] != nil
        let hasError = members["error"] != nil
        guard hasResult != hasError else { return false }
        if let error = members["error"] {
            guard error["code"]?.intValue != nil, error["message"]?.stringValue != nil else { return false }
        }
        return true
    }

    /// The same hostile lines through the real binary over a pipe: it never crashes, exits 0 at the
    /// end of input, and writes nothing but valid JSON-RPC lines — as many answers as the in-process
    /// server gave for the same lines.
    @Test func theBinarySurvivesTheSameLines() throws {
        var mutator = LineMutator(seed: Self.seed &+ 1)
        let seeds = Self.seeds
        let lines =
            [
                #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"fuzz","version":"1"}}}"#
            ]
            .map { Array($0.utf8) } + (0..<300).map { _ in mutator.line(from: seeds) }
        var input = Data()
        for line in lines { input.append(contentsOf: line + [0x0A]) }
        let state = ServerProcess.temporaryStatePath()
        let server = try ServerProcess(arguments: ["--state", state, "--workflows", WorkflowFixtures.shipped])
        server.feedInBackground(input)
        let result = server.finish()
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        let written = result.stdout.split(separator: "\n")
        for line in written {
            let message = try JSONParser.parse(String(line))
            for part in message.arrayValue ?? [message] { #expect(Self.isValidMessage(part), "\(line.prefix(200))") }
        }
        var harness = ServerHarness(workflowDirectories: [WorkflowFixtures.shipped])
        var expected = 0
        for line in lines {
            harness.server.receive(line)
            expected += harness.sink.drain().count
        }
        #expect(written.count == expected)
    }
}
