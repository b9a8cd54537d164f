import Foundation

/// The shared server over loopback: calls per second and latency at 1, 4 and 16 concurrent agents, each
/// with its own kept-alive connection, for a read and for a mutation; a mutation over stdio for
/// comparison; and the server's memory with 16 sessions open.
enum SharedServerBenchmark {
    static let envelope =
        #""_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{},"io.modelcontextprotocol/clientInfo":{"name":"bench","version":"1"}}"#

    static func run(executable: URL, calls: Int) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("orchestrator-bench-http-\(getpid())")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state.json").path
        let (server, port) = StoresBenchmark.start(executable, state: state, store: nil, project: "bench")
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let setup = HTTPConnection(port: port)
        let tasks = (0..<16).map { #"{"title":"Agent \#($0)","description":"d"}"# }.joined(separator: ",")
        _ = call(
            setup, port, id: 1,
            #""name":"request_planning","arguments":{"originalRequest":"Bench","tasks":[\#(tasks)]}"#)
        setup.close()

        // The same mutation over stdio, one agent, for comparison: a state file of its own, planned the
        // same way, so both start from the same size (every mutation adds a history entry).
        let peer = try! Peer(executable: executable, statePath: root.appendingPathComponent("stdio.json").path)
        _ = peer.roundTrip(
            #"{"jsonrpc":"2.0","id":0,"method":"tools/call","params":{"name":"request_planning","arguments":{"originalRequest":"Bench","tasks":[\#(tasks)]},\#(envelope)}}"#
        )
        var stdio: [UInt64] = []
        for round in 0..<calls {
            let line =
                #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"update_task","arguments":{"requestId":"req-1","taskId":"task-1","title":"s\#(round)"},\#(envelope)}}"#
            stdio.append(nanoseconds { _ = peer.roundTrip(line) })
        }
        peer.close()

        var lines = ["| shared server over loopback | agents | p50 | p99 | calls/s |", "|---|---|---|---|---|"]
        lines.append(
            "| mutation (update_task) over stdio, for comparison | 1 | \(format(percentile(stdio, 0.5))) | \(format(percentile(stdio, 0.99))) | – |"
        )
        let cases: [(String, @Sendable (Int, Int) -> String)] = [
            (
                "mutation (update_task)",
                { (agent: Int, round: Int) in
                    #""name":"update_task","arguments":{"requestId":"req-1","taskId":"task-\#(agent + 1)","title":"r\#(round)"}"#
                }
            ),
            ("read (list_requests)", { (_: Int, _: Int) in #""name":"list_requests","arguments":{}"# }),
        ]
        for (name, body) in cases {
            for agents in [1, 4, 16] {
                let perAgent = max(calls / agents, 20)
                let samples = Samples(agents)
                let group = DispatchGroup()
                let start = DispatchTime.now().uptimeNanoseconds
                for agent in 0..<agents {
                    group.enter()
                    Thread.detachNewThread {
                        let connection = HTTPConnection(port: port)
                        var mine: [UInt64] = []
                        for round in 0..<perAgent {
                            mine.append(nanoseconds { _ = call(connection, port, id: round + 2, body(agent, round)) })
                        }
                        connection.close()
                        samples.record(mine, for: agent)
                        group.leave()
                    }
                }
                group.wait()
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let all = samples.all
                lines.append(
                    "| \(name) | \(agents) | \(format(percentile(all, 0.5))) | \(format(percentile(all, 0.99))) | \(String(format: "%.0f", Double(all.count) / seconds)) |"
                )
            }
        }

        // Memory with 16 handshake sessions open.
        var sessions: [HTTPConnection] = []
        for _ in 0..<16 {
            let connection = HTTPConnection(port: port)
            let body =
                #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#
            connection.send(
                "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            )
            _ = connection.readBody(of: connection.readHead())
            sessions.append(connection)
        }
        let status = (try? String(contentsOfFile: "/proc/\(server.processIdentifier)/status", encoding: .utf8)) ?? ""
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
        for session in sessions { session.close() }
        lines.append("")
        lines.append(
            "Each agent has its own kept-alive connection and sends 2026-07-28 stateless requests; \(calls) calls per row (split among the agents)."
        )
        if let peak {
            lines.append(
                "Peak resident memory of the shared server after the runs, with 16 sessions open: \(peak / 1024) MiB.")
        }
        return lines.joined(separator: "\n")
    }

    /// One tools/call, answered as JSON.
    static func call(_ connection: HTTPConnection, _ port: UInt16, id: Int, _ params: String) -> String {
        let body = #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{\#(params),\#(envelope)}}"#
        connection.send(
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        )
        let head = connection.readHead()
        precondition(head.hasPrefix("HTTP/1.1 200"), "the shared server answered \(head)")
        return connection.readBody(of: head)
    }
}

/// Each agent's latencies, written by its own thread.
final class Samples: @unchecked Sendable {
    private let lock = NSLock()
    private var byAgent: [[UInt64]]

    init(_ agents: Int) { byAgent = Array(repeating: [], count: agents) }

    func record(_ samples: [UInt64], for agent: Int) {
        lock.lock()
        byAgent[agent] = samples
        lock.unlock()
    }

    var all: [UInt64] {
        lock.lock()
        defer { lock.unlock() }
        return byAgent.flatMap { $0 }
    }
}
