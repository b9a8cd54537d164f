import Foundation

/// `advance_workflow` latency: a two-step loop advanced over and over in one server, each advance a
/// locked, `fsync`ed change that also re-checks the definition's files for edits.
enum WorkflowBenchmark {
    static let files: [String: String] = [
        "loop/index.md": "1. [Ping](steps/ping.md)\n2. [Pong](steps/pong.md)\n",
        "loop/steps/ping.md":
            "# Orchestrator Guidance\nPing.\n\n# Client Instructions\nPing {{context.n}}.\n\n# Transitions\n- otherwise -> Pong\n",
        "loop/steps/pong.md":
            "# Orchestrator Guidance\nPong.\n\n# Client Instructions\nPong.\n\n# Transitions\n- otherwise -> Ping\n",
    ]

    static func run(executable: URL, advances: Int) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orchestrator-bench-workflows-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent("workflows/\(path)")
            try! FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        let peer = try! Peer(
            executable: executable, statePath: root.appendingPathComponent("state.json").path,
            extraArguments: ["--workflows", root.appendingPathComponent("workflows").path])
        _ = peer.roundTrip(
            #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#
        )
        peer.notify(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        _ = peer.roundTrip(
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"start_workflow","arguments":{"workflow_name":"loop"}}}"#
        )
        var samples: [UInt64] = []
        let total = nanoseconds {
            for index in 0..<advances {
                let step = index % 2 == 0 ? "Ping" : "Pong"
                let line =
                    #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"advance_workflow","arguments":{"instance_id":"run-1","report":{"step_id":"\#(step)","status":"success"},"context_updates":{"n":\#(index)}}}}"#
                samples.append(
                    nanoseconds {
                        let reply = peer.roundTrip(line)
                        if reply.range(of: Data(#""isError":true"#.utf8)) != nil {
                            fatalError("advance refused: \(String(decoding: reply, as: UTF8.self))")
                        }
                    })
            }
        }
        let read = (0..<advances).map { _ in
            nanoseconds {
                _ = peer.roundTrip(
                    #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_workflow_status","arguments":{"instance_id":"run-1"}}}"#
                )
            }
        }
        peer.close()
        let perSecond = Double(advances) / (Double(total) / 1_000_000_000)
        return """
            | workflow call | p50 | p99 | calls/s |
            |---|---|---|---|
            | advance_workflow | \(format(percentile(samples, 0.5))) | \(format(percentile(samples, 0.99))) | \(String(format: "%.0f", perSecond)) |
            | get_workflow_status | \(format(percentile(read, 0.5))) | \(format(percentile(read, 0.99))) | – |

            \(advances) advances of a two-step loop (each adds a task to the run's request).
            """
    }
}
