import Foundation

/// The two stores side by side at the same load, in one run: agents over loopback claim a task
/// (`get_next_task`) and finish it (`mark_task_done`) until the plan is done, on one or two
/// `serve --http` processes sharing the state — the file (its lock between the processes) or one
/// PostgreSQL project. Reports transitions per second (claims and finishes) and the claim's latency.
enum StoresBenchmark {
    struct Row {
        let store: String
        let servers: Int
        let agents: Int
        let transitionsPerSecond: Double
        let claims: [UInt64]
    }

    /// - Parameter database: a `postgresql://` connection string to a database the benchmark may
    ///   write projects into (`Tests/postgres.sh start` makes a throwaway one).
    static func run(
        executable: URL, database: String, tasksPerAgent: Int, servers serverCounts: [Int] = [1, 2],
        agents agentCounts: [Int] = [1, 16, 64], stores: [String] = ["file", "postgresql"]
    ) -> String {
        var rows: [Row] = []
        for servers in serverCounts {
            for agents in agentCounts {
                for store in stores {
                    rows.append(
                        measure(
                            executable: executable, store: store == "file" ? nil : database, servers: servers,
                            agents: agents, tasks: min(1_000, max(100, agents * tasksPerAgent))))
                }
            }
        }
        var lines = [
            "| store | servers | agents | transitions/s | claim p50 | claim p99 |", "|---|---|---|---|---|---|",
        ]
        for row in rows {
            lines.append(
                "| \(row.store) | \(row.servers) | \(row.agents) | \(String(format: "%.0f", row.transitionsPerSecond)) | \(format(percentile(row.claims, 0.5))) | \(format(percentile(row.claims, 0.99))) |"
            )
        }
        lines.append("")
        lines.append(
            "Each agent has its own kept-alive connection to one of the servers (taken in turn) and its own instanceId; a plan of \(tasksPerAgent) independent tasks per agent (at least 100, at most 1,000, the largest plan a call may make) (approval policy auto) is claimed and finished until none is left. A transition is a claim or a finish."
        )
        return lines.joined(separator: "\n")
    }

    static func measure(executable: URL, store: String?, servers: Int, agents: Int, tasks: Int) -> Row {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orchestrator-bench-stores-\(getpid())-\(servers)-\(agents)")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let project = "bench-\(getpid())-\(servers)-\(agents)-\(Int(Date().timeIntervalSince1970))"
        let processes = (0..<servers).map { _ in
            start(executable, state: root.appendingPathComponent("state.json").path, store: store, project: project)
        }
        defer {
            for (process, _) in processes {
                process.terminate()
                process.waitUntilExit()
            }
        }
        let ports = processes.map(\.port)
        let setup = HTTPConnection(port: ports[0])
        let drafts = (0..<tasks).map { #"{"title":"Task \#($0)","description":"d"}"# }.joined(separator: ",")
        _ = SharedServerBenchmark.call(
            setup, ports[0], id: 1,
            #""name":"request_planning","arguments":{"originalRequest":"Bench","approvalPolicy":"auto","tasks":[\#(drafts)]}"#
        )
        setup.close()

        let samples = Samples(agents)
        let transitions = Samples(agents)
        let group = DispatchGroup()
        let begin = DispatchTime.now().uptimeNanoseconds
        for agent in 0..<agents {
            group.enter()
            Thread.detachNewThread {
                let port = ports[agent % ports.count]
                let connection = HTTPConnection(port: port)
                var claims: [UInt64] = []
                var done: UInt64 = 0
                var round = 0
                while true {
                    round += 1
                    var answer = ""
                    claims.append(
                        nanoseconds {
                            answer = SharedServerBenchmark.call(
                                connection, port, id: round,
                                #""name":"get_next_task","arguments":{"instanceId":"agent-\#(agent)"}"#)
                        })
                    guard let task = claimedTask(in: answer) else {
                        claims.removeLast()
                        break
                    }
                    round += 1
                    _ = SharedServerBenchmark.call(
                        connection, port, id: round,
                        #""name":"mark_task_done","arguments":{"requestId":"req-1","taskId":"\#(task)","completedDetails":"done","instanceId":"agent-\#(agent)"}"#
                    )
                    done += 2
                }
                connection.close()
                samples.record(claims, for: agent)
                transitions.record([done], for: agent)
                group.leave()
            }
        }
        group.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9
        let count = transitions.all.reduce(0, +)
        precondition(count == UInt64(tasks * 2), "\(count) transitions for \(tasks) tasks")
        return Row(
            store: store == nil ? "file" : "postgresql", servers: servers, agents: agents,
            transitionsPerSecond: Double(count) / seconds, claims: samples.all)
    }

    /// The id of the task a `get_next_task` answer claimed, or `nil` when it claimed none. Found by
    /// searching the answer rather than parsing it, so the benchmark's own work stays small beside the
    /// servers' (the server writes keys in order: the claimed task's object follows its status, and
    /// its `id` is its first key of that name).
    static func claimedTask(in answer: String) -> String? {
        let utf8 = Substring(answer)
        guard let marker = utf8.range(of: #""status":"claimed","task":{"#),
            let key = utf8[marker.upperBound...].range(of: #""id":""#),
            let end = utf8[key.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return String(utf8[key.upperBound..<end])
    }

    /// Starts one shared server (on the file when `store` is `nil`) and reads its port from what it prints.
    static func start(_ executable: URL, state: String, store: String?, project: String) -> (
        process: Process, port: UInt16
    ) {
        let server = Process()
        let errors = Pipe()
        server.executableURL = executable
        server.arguments =
            ["serve", "--http", "127.0.0.1:0", "--state", state, "--log-level", "error"]
            + (store.map { ["--store", $0] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        environment["MCP_ORCHESTRATOR_PROJECT"] = project
        environment["MCP_ORCHESTRATOR_EVIDENCE"] = "off"
        server.environment = environment
        server.standardError = errors
        server.standardOutput = FileHandle.nullDevice
        try! server.run()
        while true {
            var line: [UInt8] = []
            var byte: UInt8 = 0
            while read(errors.fileHandleForReading.fileDescriptor, &byte, 1) == 1, byte != 10 { line.append(byte) }
            precondition(!line.isEmpty || server.isRunning, "the shared server exited before it listened")
            let text = String(decoding: line, as: UTF8.self)
            if let range = text.range(of: "http://127.0.0.1:") {
                return (server, UInt16(text[range.upperBound...].prefix { $0.isNumber })!)
            }
        }
    }
}
