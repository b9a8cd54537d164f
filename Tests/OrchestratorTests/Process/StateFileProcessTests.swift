import Foundation
import OrchestratorFormat
import OrchestratorJSON
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The state file under real processes: the seed flow over stdio, SIGKILL at random moments, and
/// several servers sharing one file.
@Suite(.serialized)
struct StateFileProcessTests {
    #if os(Linux)
        /// Each change keeps the version it replaced open until its answer is out (the old blocks are
        /// freed after answering); those versions must all be let go, and no temporary file may stay.
        @Test func replacedVersionsAreLetGoAndNoTemporaryFileStays() throws {
            let state = ServerProcess.temporaryStatePath()
            let client = try LineClient(arguments: ["--state", state])
            let pid = client.server.process.processIdentifier
            func openVersions() throws -> Int {
                try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
                    .compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)") }
                    .filter { $0.hasPrefix(state) && !$0.hasSuffix(".lock") }.count
            }
            let tasks = JSONValue.array((1...20).map { ["title": .string("t\($0)"), "description": "d"] })
            _ = try client.call("request_planning", ["originalRequest": "r", "tasks": tasks, "approvalPolicy": "auto"])
            for _ in 1...20 {
                let claimed = try client.call("get_next_task")["structuredContent"]?["task"]?["id"]
                _ = try client.call(
                    "mark_task_done", ["requestId": "req-1", "taskId": try #require(claimed), "completedDetails": "ok"])
            }
            // The last change's old version may still be in the middle of being released.
            #expect(try openVersions() <= 1)
            let folder = (state as NSString).deletingLastPathComponent
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
                    "state.agents", "state.json", "state.json.lock",
                ])
            #expect(client.close() == 0)
        }
    #endif

    @Test func theSeedFlowOverStdio() throws {
        let state = ServerProcess.temporaryStatePath()
        let client = try LineClient(arguments: ["--state", state])
        let tasks: JSONValue = [
            ["title": "Parser", "description": "Write it"],
            ["title": "Tests", "description": "Test it", "dependsOn": ["Parser"]],
            ["title": "Docs", "description": "Document it", "dependsOn": [2]],
        ]
        #expect(
            try client.call("request_planning", ["originalRequest": "CSV export", "tasks": tasks])[
                "structuredContent"]?["requestId"] == "req-1")
        for task in ["task-1", "task-2", "task-3"] {
            #expect(try client.call("get_next_task")["structuredContent"]?["task"]?["id"] == .string(task))
            _ = try client.call(
                "mark_task_done", ["requestId": "req-1", "taskId": .string(task), "completedDetails": "ok"])
            #expect(try client.call("get_next_task")["structuredContent"]?["status"] == "awaiting_approval")
            if task == "task-2" {
                _ = try client.call(
                    "reject_task", ["requestId": "req-1", "taskId": "task-2", "feedback": "more cases"])
                #expect(try client.call("get_next_task")["structuredContent"]?["status"] == "resumed")
                _ = try client.call(
                    "mark_task_done", ["requestId": "req-1", "taskId": "task-2", "completedDetails": "more cases"])
            }
            #expect(
                try client.call("approve_task_completion", ["requestId": "req-1", "taskId": .string(task)])["isError"]
                    == nil)
        }
        #expect(
            try client.call("approve_request_completion", ["requestId": "req-1"])["structuredContent"]?["request"]?[
                "status"] == "completed")
        let refused = try client.call(
            "add_tasks_to_request", ["requestId": "req-1", "tasks": [["title": "x", "description": "y"]]])
        #expect(refused["structuredContent"]?["error"]?["code"] == "request_completed")
        #expect(client.close() == 0)

        // A new process sees the same store, and the file is owner-only.
        let reader = try LineClient(arguments: ["--state", state])
        #expect(try reader.call("list_requests")["structuredContent"]?["requests"]?[0]?["status"] == "completed")
        #expect(reader.close() == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: state)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// Mutations are pipelined; the reader kills the server with SIGKILL right after a random number of
    /// acknowledgements, so the kill lands in the middle of a later mutation. Each plan holds three
    /// tasks titled with its batch number, so a half-applied change would show.
    /// Six rounds in CI; `MCP_ORCHESTRATOR_KILL_ROUNDS=500 swift test --filter sigkill` for a long run.
    @Test func sigkillNeverLosesAnAcknowledgedChangeOrLeavesAHalfAppliedOne() throws {
        let state = ServerProcess.temporaryStatePath()
        var acknowledged: Set<String> = []
        var generator = SystemRandomNumberGenerator()
        var batch = 0
        let rounds = ProcessInfo.processInfo.environment["MCP_ORCHESTRATOR_KILL_ROUNDS"].flatMap(Int.init) ?? 6
        for round in 0..<rounds {
            let server = try ServerProcess(arguments: ["--state", state])
            var lines = ServerProcess.initializeLine + #"{"jsonrpc":"2.0","method":"notifications/initialized"}"# + "\n"
            for _ in 0..<40 {
                batch += 1
                let title = "batch-\(batch)"
                let tasks: JSONValue = .array(
                    (1...3).map { part in ["title": .string("\(title)/\(part)"), "description": "d"] })
                let call: JSONValue = [
                    "jsonrpc": "2.0", "id": .string(title), "method": "tools/call",
                    "params": [
                        "name": "request_planning", "arguments": ["originalRequest": .string(title), "tasks": tasks],
                    ],
                ]
                lines += JSONWriter.string(from: call) + "\n"
            }
            let killAfter = Int.random(in: 1...30, using: &generator)
            server.write(lines)
            var seen = 0
            var buffer = Data()
            reading: while true {
                let chunk = server.stdoutHandle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    let reply = try JSONParser.parse(line)
                    guard case .string(let id)? = reply["id"] else { continue }
                    #expect(reply["result"]?["isError"] == nil, "round \(round): \(line)")
                    acknowledged.insert(id)
                    seen += 1
                    if seen == killAfter {
                        kill(server.process.processIdentifier, SIGKILL)
                        break reading
                    }
                }
            }
            server.process.waitUntilExit()
            #expect(server.process.terminationReason == .uncaughtSignal)

            let root = try JSONParser.parse(String(contentsOfFile: state, encoding: .utf8))
            let requests = try #require(root["requests"]?.arrayValue)
            let stored = Set(requests.compactMap { $0["originalRequest"]?.stringValue })
            #expect(
                acknowledged.isSubset(of: stored), "round \(round): lost \(acknowledged.subtracting(stored).sorted())")
            for request in requests {
                let name = request["originalRequest"]?.stringValue ?? ""
                let titles = request["tasks"]?.arrayValue?.compactMap { $0["title"]?.stringValue }
                #expect(titles == ["\(name)/1", "\(name)/2", "\(name)/3"])
            }
            #expect(root["revision"]?.intValue == requests.count)
        }
        // A fresh server still works on the file the kills left behind.
        let client = try LineClient(arguments: ["--state", state])
        var listed = 0
        var cursor: String?
        repeat {
            let arguments: JSONValue = cursor.map { ["cursor": .string($0)] } ?? [:]
            let page = try client.call("list_requests", arguments)["structuredContent"]
            listed += page?["requests"]?.arrayValue?.count ?? 0
            cursor = page?["nextCursor"]?.stringValue
        } while cursor != nil
        #expect(listed >= acknowledged.count)
        #expect(client.close() == 0)
    }

    /// Four servers work one plan at once, each as its own instance, while also planning requests of
    /// their own: no update is lost, no id is handed out twice, and no task goes to two instances.
    @Test func severalProcessesShareOneFileWithoutLosingUpdates() throws {
        let state = ServerProcess.temporaryStatePath()
        let taskCount = 24
        let setup = try LineClient(arguments: ["--state", state])
        let tasks: JSONValue = .array((1...taskCount).map { ["title": .string("t\($0)"), "description": "d"] })
        _ = try setup.call("request_planning", ["originalRequest": "shared", "tasks": tasks, "approvalPolicy": "auto"])
        #expect(setup.close() == 0)

        let instances = ["alpha", "beta", "gamma", "delta"]
        let results = ResultsBox()
        DispatchQueue.concurrentPerform(iterations: instances.count) { index in
            let instance = instances[index]
            do {
                let client = try LineClient(arguments: ["--state", state], clientName: instance)
                var claimed: [String] = []
                var planned: [String] = []
                while true {
                    let next = try client.call(
                        "get_next_task", ["requestId": "req-1", "instanceId": .string(instance)])
                    guard next["structuredContent"]?["status"] == "claimed",
                        let task = next["structuredContent"]?["task"]?["id"]?.stringValue
                    else { break }
                    claimed.append(task)
                    let done = try client.call(
                        "mark_task_done",
                        [
                            "requestId": "req-1", "taskId": .string(task),
                            "completedDetails": .string("by \(instance)"), "instanceId": .string(instance),
                        ])
                    if done["isError"] != nil { results.record(error: "\(instance): \(done)") }
                    if claimed.count % 2 == 0 {
                        let plan = try client.call(
                            "request_planning",
                            [
                                "originalRequest": .string("\(instance) side work"),
                                "tasks": [["title": "s", "description": "d"]],
                            ])
                        planned.append(plan["structuredContent"]?["requestId"]?.stringValue ?? "?")
                    }
                }
                _ = client.close()
                results.record(instance: instance, claimed: claimed, planned: planned)
            } catch {
                results.record(error: "\(instance): \(error)")
            }
        }
        #expect(results.errors.isEmpty, "\(results.errors)")
        let claimed = results.claimed.values.flatMap(\.self)
        #expect(claimed.count == taskCount)
        #expect(Set(claimed).count == taskCount, "a task went to two instances")
        let planned = results.planned.values.flatMap(\.self)
        #expect(Set(planned).count == planned.count, "a request id was handed out twice")

        let root = try JSONParser.parse(String(contentsOfFile: state, encoding: .utf8))
        let shared = try #require(root["requests"]?[0]?["tasks"]?.arrayValue)
        #expect(shared.allSatisfy { $0["status"] == "approved" })
        for task in shared {
            let claims = task["history"]?.arrayValue?.filter { $0["action"] == "claimed" } ?? []
            #expect(claims.count == 1)
            #expect(task["completedDetails"]?.stringValue == "by \(task["assignee"]?.stringValue ?? "")")
        }
        // One plan, a claim and a completion per task, and one revision per side plan: nothing lost.
        #expect(root["revision"]?.intValue == 1 + 2 * taskCount + planned.count)
        #expect(root["requests"]?.arrayValue?.count == 1 + planned.count)
    }
}

/// Collects what concurrent clients report.
private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var claimed: [String: [String]] = [:]
    private(set) var planned: [String: [String]] = [:]
    private(set) var errors: [String] = []

    func record(instance: String, claimed: [String], planned: [String]) {
        lock.withLock {
            self.claimed[instance] = claimed
            self.planned[instance] = planned
        }
    }

    func record(error: String) {
        lock.withLock { errors.append(error) }
    }
}

extension StateFileProcessTests {
    @Test func aCorruptFileIsReportedAtStartAndByServerInfoAndNeverOverwritten() throws {
        let state = ServerProcess.temporaryStatePath()
        try FileManager.default.createDirectory(
            atPath: (state as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let garbage = #"{"schemaVersion":1,"revision":4,"requests":[{"id":"#
        try Data(garbage.utf8).write(to: URL(fileURLWithPath: state))
        let client = try LineClient(arguments: ["--state", state])
        let info = try client.call("server_info")["structuredContent"]?["stateFile"]
        #expect(info?["readable"] == false)
        #expect(info?["problem"]?.stringValue?.contains("is not a valid state document") == true)
        let refused = try client.call(
            "request_planning", ["originalRequest": "R", "tasks": [["title": "a", "description": "b"]]])
        #expect(refused["structuredContent"]?["error"]?["code"] == "state_corrupt")
        #expect(refused["content"]?[0]?["text"]?.stringValue?.contains(state) == true)
        let read = try client.call("list_requests")
        #expect(read["structuredContent"]?["error"]?["code"] == "state_corrupt")
        client.server.closeInput()
        let run = client.server.finish()
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: The state file \(state) is not a valid state document"))
        #expect(try String(contentsOfFile: state, encoding: .utf8) == garbage)
    }

    @Test func aNewerFileIsReadButNotChanged() throws {
        let state = ServerProcess.temporaryStatePath()
        let writer = try LineClient(arguments: ["--state", state])
        _ = try writer.call(
            "request_planning", ["originalRequest": "R", "tasks": [["title": "a", "description": "b"]]])
        #expect(writer.close() == 0)
        let newer = try String(contentsOfFile: state, encoding: .utf8).replacingOccurrences(
            of: #""schemaVersion":\#(StateSchema.currentVersion)"#,
            with: #""schemaVersion":\#(StateSchema.currentVersion + 1)"#)
        try Data(newer.utf8).write(to: URL(fileURLWithPath: state))
        let client = try LineClient(arguments: ["--state", state])
        #expect(try client.call("list_requests")["structuredContent"]?["requests"]?.arrayValue?.count == 1)
        #expect(
            try client.call("open_task_details", ["taskId": "task-1"])["structuredContent"]?["task"]?["title"] == "a")
        let refused = try client.call("get_next_task")
        #expect(refused["structuredContent"]?["error"]?["code"] == "state_newer_schema")
        #expect(client.close() == 0)
        #expect(try String(contentsOfFile: state, encoding: .utf8) == newer)
    }
}
