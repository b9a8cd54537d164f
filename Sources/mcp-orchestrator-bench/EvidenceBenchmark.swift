import Foundation

/// What recording a task's evidence costs, in a repository of many files: the same claim and
/// mark-done over stdio by a server in the repository with evidence on and with it off, the two
/// taking turns. The difference is the snapshot (at the claim) and the snapshot and the difference
/// of the two (at mark-done), with the person's index warm, as it is in a repository in use.
enum EvidenceBenchmark {
    static func run(executable: URL, files: Int, rounds: Int) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orchestrator-evidence-bench-\(getpid())-\(UUID().uuidString)")
        let repository = root.appendingPathComponent("repo")
        defer { try? FileManager.default.removeItem(at: root) }
        // 100 folders of files of 40 lines each, committed, with the index written by `git add`.
        for folder in 0..<(files / 100) {
            let directory = repository.appendingPathComponent("module\(folder)")
            try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in 0..<100 {
                let text = (0..<40).map { "line \($0) of file \(file) in module \(folder)\n" }.joined()
                try! Data(text.utf8).write(to: directory.appendingPathComponent("file\(file).swift"))
            }
        }
        for words in [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "files"]] {
            git(words, in: repository)
        }
        var claims: [Bool: [UInt64]] = [true: [], false: []]
        var dones: [Bool: [UInt64]] = [true: [], false: []]
        let servers = [true, false].map { evidence in
            let peer = try! Peer(
                executable: executable, statePath: root.appendingPathComponent("state-\(evidence).json").path,
                directory: repository, environment: ["MCP_ORCHESTRATOR_EVIDENCE": evidence ? "on" : "off"])
            _ = peer.roundTrip(initialize)
            peer.notify(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
            _ = peer.roundTrip(StoreBenchmark.planning(number: 0))
            return (evidence, peer)
        }
        for round in 0..<rounds {
            // Each round edits one file, so each mark-done has a change to record.
            let touched = repository.appendingPathComponent("module\(round % (files / 100))/file0.swift")
            try! Data("edited in round \(round)\n".utf8).write(to: touched)
            for (evidence, peer) in round % 2 == 0 ? servers : servers.reversed() {
                let task = "task-\(round + 1)"
                claims[evidence]!.append(
                    nanoseconds {
                        _ = peer.roundTrip(
                            #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_next_task","arguments":{}}}"#
                        )
                    })
                dones[evidence]!.append(
                    nanoseconds {
                        _ = peer.roundTrip(
                            #"{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"mark_task_done","arguments":{"requestId":"req-1","taskId":"\#(task)","completedDetails":"Edited a file."}}}"#
                        )
                    })
                _ = peer.roundTrip(
                    #"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"approve_task_completion","arguments":{"requestId":"req-1","taskId":"\#(task)"}}}"#
                )
            }
        }
        for (_, peer) in servers { peer.close() }
        let row = { (name: String, samples: [Bool: [UInt64]]) in
            let on = percentile(samples[true]!, 0.5)
            let off = percentile(samples[false]!, 0.5)
            return
                "| \(name) | \(format(on)) | \(format(percentile(samples[true]!, 0.99))) | \(format(off)) | \(format(on > off ? on - off : 0)) |"
        }
        return [
            "| in a repository of \(files) files | evidence on p50 | p99 | evidence off p50 | the snapshot's part (p50) |",
            "|---|---|---|---|---|",
            row("get_next_task (claim: one snapshot)", claims),
            row("mark_task_done (a snapshot and the difference)", dones),
            "",
            "\(rounds) rounds, the two servers taking turns; each round edits one file. The index is warm (committed with `git add`).",
        ].joined(separator: "\n")
    }

    private static func git(_ words: [String], in directory: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"] + words
        process.currentDirectoryURL = directory
        try! process.run()
        process.waitUntilExit()
    }
}
