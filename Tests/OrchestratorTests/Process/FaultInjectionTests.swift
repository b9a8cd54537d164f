import Foundation
import OrchestratorJSON
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The state file under attack (issue 7): locks held by live and dead processes, failing writes,
/// a file size limit, and the file deleted or replaced while a server runs. Every time: a clear
/// error, the old file intact, and the server still answering.
@Suite struct FaultInjectionTests {
    static let plan: JSONValue = ["originalRequest": "R", "tasks": [["title": "T", "description": "d"]]]

    static func code(_ result: JSONValue) -> String? { result["structuredContent"]?["error"]?["code"]?.stringValue }

    @Test func aLiveLockHolderIsWaitedForWithinTheBoundAndRefusedPastIt() throws {
        let state = ServerProcess.temporaryStatePath()
        let server = try LineClient(arguments: ["--state", state, "--lock-wait-seconds", "0.5"])
        _ = try server.call("request_planning", Self.plan)
        let lock = open(state + ".lock", O_RDWR)
        #expect(flock(lock, LOCK_EX) == 0)
        let refused = try server.call("request_planning", Self.plan)
        #expect(Self.code(refused) == "state_busy")
        #expect(
            refused["content"]?[0]?["text"]?.stringValue?.contains("for over 0.5 s; the change was not made") == true)
        #expect(
            try server.call("list_requests")["structuredContent"]?["requests"]?.arrayValue?.count == 1,
            "reads need no lock")
        #expect(server.close() == 0)

        // A server with a bound no test run reaches waits for as long as the holder keeps the lock:
        // no answer can come while it is held, and the change goes through once the test lets go.
        let patient = try LineClient(arguments: ["--state", state, "--lock-wait-seconds", "600"])
        let id = try patient.send("tools/call", ["name": "request_planning", "arguments": Self.plan])
        // The server has read the call and is pausing between tries for the lock (its main thread in
        // the kernel's sleep, where it never is otherwise: idle, it waits in poll). Only then does "no
        // answer yet" say that the lock holds it back.
        #if os(Linux)
            #expect(
                Self.waitsForTheLock(patient.server.process.processIdentifier), "the server never waited for the lock")
        #endif
        #expect(patient.hasBufferedOutput() == false)
        #expect(flock(lock, LOCK_UN) == 0)
        let answer = try patient.reply(to: id)
        #expect(answer["result"]?["isError"] == nil)
        #expect(try patient.call("list_requests")["structuredContent"]?["requests"]?.arrayValue?.count == 2)
        close(lock)
        #expect(patient.close() == 0)
    }

    /// Whether the process's main thread is seen sleeping (`usleep`, the lock's pause) within a
    /// bounded number of looks at `/proc/PID/syscall`.
    static func waitsForTheLock(_ pid: Int32) -> Bool {
        #if arch(x86_64)
            let sleeps: Set<String> = ["35", "230"]  // nanosleep, clock_nanosleep
        #elseif arch(arm64)
            let sleeps: Set<String> = ["101", "115"]
        #else
            let sleeps: Set<String> = []
        #endif
        for _ in 0..<100_000 {
            let text = (try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8)) ?? ""
            if let number = text.split(separator: " ").first, sleeps.contains(String(number)) { return true }
            sched_yield()
        }
        return false
    }

    @Test func aLockLeftByADeadProcessDoesNotBlock() throws {
        let state = ServerProcess.temporaryStatePath()
        try FileManager.default.createDirectory(
            atPath: (state as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: state + ".lock", contents: nil)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import fcntl,sys,time; f=open(sys.argv[1],'w'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)",
            state + ".lock",
        ]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        // The holder really held the lock before it died.
        // (It prints after the lock is taken; the line may come in two reads.)
        #expect(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("locked"))
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let server = try LineClient(arguments: ["--state", state, "--lock-wait-seconds", "0.5"])
        #expect(try server.call("request_planning", Self.plan)["isError"] == nil)
        #expect(server.close() == 0)
    }

    @Test func aFailingWriteLeavesTheFileIntactAndTheServerAnswering() throws {
        let state = ServerProcess.temporaryStatePath()
        let server = try LineClient(arguments: ["--state", state])
        _ = try server.call("request_planning", Self.plan)
        let before = try String(contentsOfFile: state, encoding: .utf8)
        // The temporary file's name is taken by a directory: creating it fails, even for root.
        try FileManager.default.createDirectory(atPath: state + ".tmp", withIntermediateDirectories: false)
        let refused = try server.call("request_planning", Self.plan)
        #expect(Self.code(refused) == "state_write_failed")
        #expect(refused["content"]?[0]?["text"]?.stringValue?.contains("The previous version is intact") == true)
        #expect(try String(contentsOfFile: state, encoding: .utf8) == before)
        #expect(try server.call("list_requests")["structuredContent"]?["requests"]?.arrayValue?.count == 1)
        try FileManager.default.removeItem(atPath: state + ".tmp")
        #expect(try server.call("request_planning", Self.plan)["isError"] == nil)
        #expect(server.close() == 0)
    }

    /// A reply is prepared while its change flushes; when the flush fails, the failure goes out instead,
    /// in the shape of the request's era, and inside a batch too.
    @Test func aFailedFlushAnswersA2026RequestAndABatchWithTheFailure() throws {
        let state = ServerProcess.temporaryStatePath()
        let modern = try ServerProcess(arguments: ["--state", state])
        var buffer = Data()
        func plan(_ id: Int) -> JSONValue {
            [
                "jsonrpc": "2.0", "id": .int(id), "method": "tools/call",
                "params": ["name": "request_planning", "arguments": Self.plan, "_meta": ServerHarness.envelope()],
            ]
        }
        Self.write(plan(1), to: modern)
        #expect(try Self.readLine(from: modern, buffer: &buffer)["result"]?["isError"] == nil)
        try FileManager.default.createDirectory(atPath: state + ".tmp", withIntermediateDirectories: false)
        Self.write(plan(2), to: modern)
        let failed = try Self.readLine(from: modern, buffer: &buffer)
        #expect(failed["id"] == 2)
        #expect(Self.code(failed["result"] ?? .null) == "state_write_failed")
        #expect(failed["result"]?["resultType"] == "complete")
        #expect(failed["result"]?["_meta"]?["io.modelcontextprotocol/serverInfo"] != nil)
        modern.closeInput()
        _ = modern.finish()

        let batchState = ServerProcess.temporaryStatePath()
        let batch = try ServerProcess(arguments: ["--state", batchState])
        buffer = Data()
        Self.write(
            [
                "jsonrpc": "2.0", "id": 0, "method": "initialize",
                "params": [
                    "protocolVersion": "2025-03-26", "capabilities": [:], "clientInfo": ["name": "b", "version": "1"],
                ],
            ], to: batch)
        _ = try Self.readLine(from: batch, buffer: &buffer)
        Self.write(["jsonrpc": "2.0", "method": "notifications/initialized"], to: batch)
        try FileManager.default.createDirectory(atPath: batchState + ".tmp", withIntermediateDirectories: true)
        Self.write(
            [
                [
                    "jsonrpc": "2.0", "id": 1, "method": "tools/call",
                    "params": ["name": "request_planning", "arguments": Self.plan],
                ],
                ["jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": ["name": "list_requests"]],
            ], to: batch)
        let replies = try #require(try Self.readLine(from: batch, buffer: &buffer).arrayValue)
        #expect(replies.count == 2)
        // 2025-03-26 has no structured content: the code leads the text.
        #expect(replies[0]["result"]?["isError"] == true)
        #expect(
            replies[0]["result"]?["content"]?[0]?["text"]?.stringValue?.hasPrefix("Error state_write_failed") == true)
        #expect(replies[1]["result"]?["isError"] == nil)
        batch.closeInput()
        _ = batch.finish()
    }

    private static func write(_ message: JSONValue, to process: ServerProcess) {
        process.write(JSONWriter.string(from: message) + "\n")
    }

    private static func readLine(from process: ServerProcess, buffer: inout Data) throws -> JSONValue {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                defer { buffer.removeSubrange(buffer.startIndex...newline) }
                return try JSONParser.parse(Array(buffer[buffer.startIndex..<newline]))
            }
            let chunk = process.stdoutHandle.availableData
            if chunk.isEmpty { throw LineClient.ClientError.closed }
            buffer.append(chunk)
        }
    }

    /// A full disk, as a file size limit: the write fails with EFBIG rather than killing the server.
    @Test func aFullDiskIsAClearErrorNotACrash() throws {
        let state = ServerProcess.temporaryStatePath()
        let client = try LineClient(
            arguments: [],
            launcher: [
                "/bin/sh", "-c", "ulimit -f 4 && exec \"$0\" --state \"$1\"", ServerProcess.executable.path, state,
            ])
        _ = try client.call("request_planning", Self.plan)
        let before = try String(contentsOfFile: state, encoding: .utf8)
        let huge: JSONValue = [
            "originalRequest": .string(String(repeating: "x", count: 8000)),
            "tasks": [["title": "T", "description": "d"]],
        ]
        let refused = try client.call("request_planning", huge)
        #expect(Self.code(refused) == "state_write_failed")
        #expect(try String(contentsOfFile: state, encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: state + ".tmp"))
        #expect(try client.call("request_planning", Self.plan)["isError"] == nil, "small changes still fit")
        #expect(client.close() == 0)
    }

    @Test func aFileDeletedOrReplacedWhileServingIsFollowed() throws {
        let state = ServerProcess.temporaryStatePath()
        let server = try LineClient(arguments: ["--state", state])
        _ = try server.call("request_planning", Self.plan)
        try FileManager.default.removeItem(atPath: state)
        #expect(try server.call("list_requests")["structuredContent"]?["requests"] == [])
        #expect(try server.call("request_planning", Self.plan)["structuredContent"]?["requestId"] == "req-1")
        // Another copy put in its place (say, restored from a backup) is what the server serves next.
        let other = ServerProcess.temporaryStatePath()
        let writer = try LineClient(arguments: ["--state", other])
        for _ in 0..<3 { _ = try writer.call("request_planning", Self.plan) }
        #expect(writer.close() == 0)
        try FileManager.default.removeItem(atPath: state)
        try FileManager.default.copyItem(atPath: other, toPath: state)
        #expect(try server.call("list_requests")["structuredContent"]?["requests"]?.arrayValue?.count == 3)
        let garbage = "{\"schemaVersion\": 2, \"revision\": "
        try garbage.write(toFile: state, atomically: true, encoding: .utf8)
        #expect(Self.code(try server.call("request_planning", Self.plan)) == "state_corrupt")
        #expect(try String(contentsOfFile: state, encoding: .utf8) == garbage, "never overwritten")
        #expect(try server.call("server_info")["structuredContent"]?["stateFile"]?["problem"] != nil)
        #expect(server.close() == 0)
    }

    /// Without root's override, a read-only folder refuses the write the same clear way.
    @Test(.enabled(if: geteuid() != 0, "root writes to read-only folders anyway"))
    func aReadOnlyFolderIsAClearError() throws {
        let state = ServerProcess.temporaryStatePath()
        let server = try LineClient(arguments: ["--state", state])
        _ = try server.call("request_planning", Self.plan)
        let folder = (state as NSString).deletingLastPathComponent
        chmod(folder, 0o500)
        defer { chmod(folder, 0o700) }
        #expect(Self.code(try server.call("request_planning", Self.plan)) == "state_write_failed")
        #expect(try server.call("list_requests")["structuredContent"]?["requests"]?.arrayValue?.count == 1)
        #expect(server.close() == 0)
    }
}
