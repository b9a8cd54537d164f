import Foundation

/// What years of finished work cost once it is archived: 100 live tasks beside no history, and beside
/// 100,000 archived tasks (1,000 requests of 100, each task with its claim, done and approve entries).
/// Mutation, read, cold start and peak memory, with the same live file both times.
enum ArchiveBenchmark {
    static func run(executable: URL, calls: Int, starts: Int) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orchestrator-bench-archive-\(getpid())")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var rows = [
            "| 100 live tasks beside | mutation p50 | read p50 | cold start p50 | peak memory |",
            "|---|---|---|---|---|",
        ]
        for archived in [0, 100_000] {
            let folder = root.appendingPathComponent("archived-\(archived)")
            try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let state = folder.appendingPathComponent("state.json").path
            let planner = try! Peer(executable: executable, statePath: state)
            let tasks = (1...100).map { #"{"title":"Live task \#($0)","description":"Something to do"}"# }
            _ = planner.roundTrip(
                #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"request_planning","arguments":{"originalRequest":"Live","tasks":[\#(tasks.joined(separator: ","))]},\#(SharedServerBenchmark.envelope)}}"#
            )
            planner.close()
            if archived > 0 {
                writeArchive(folder.appendingPathComponent("state.archive.jsonl"), requests: archived / 100)
            }

            var startSamples: [UInt64] = []
            for _ in 0..<starts {
                var peer: Peer?
                startSamples.append(
                    nanoseconds {
                        peer = try! Peer(executable: executable, statePath: state)
                        _ = peer!.roundTrip(
                            #"{"jsonrpc":"2.0","id":0,"method":"server/discover","params":{\#(SharedServerBenchmark.envelope)}}"#
                        )
                    })
                peer!.close()
            }
            let peer = try! Peer(executable: executable, statePath: state)
            var reads: [UInt64] = []
            var mutations: [UInt64] = []
            for round in 0..<calls {
                reads.append(
                    nanoseconds {
                        _ = peer.roundTrip(
                            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_requests","arguments":{},\#(SharedServerBenchmark.envelope)}}"#
                        )
                    })
                mutations.append(
                    nanoseconds {
                        _ = peer.roundTrip(
                            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"update_task","arguments":{"requestId":"req-1","taskId":"task-\#(round % 100 + 1)","title":"Live \#(round)"},\#(SharedServerBenchmark.envelope)}}"#
                        )
                    })
            }
            let peak = peer.peakResidentKiB ?? 0
            peer.close()
            rows.append(
                "| \(archived == 0 ? "no history" : "100,000 archived tasks") | \(format(percentile(mutations, 0.5))) | \(format(percentile(reads, 0.5))) | \(format(percentile(startSamples, 0.5))) | \(peak / 1024) MiB |"
            )
        }
        rows.append("")
        rows.append(
            "\(calls) mutations and reads and \(starts) cold starts per row; the archive is not read unless asked for.")
        return rows.joined(separator: "\n")
    }

    /// Archive lines as the server writes them: finished requests of 100 approved tasks each.
    static func writeArchive(_ url: URL, requests: Int) {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try! FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let when = "2025-01-01T00:00:00.000Z"
        var taskNumber = 1_000
        for request in 0..<requests {
            var tasks: [String] = []
            for index in 0..<100 {
                taskNumber += 1
                let history = [
                    ("claimed", "pending", "in_progress"), ("marked_done", "in_progress", "done"),
                    ("approved", "done", "approved"),
                ]
                .map { #"{"at":"\#(when)","actor":"agent","action":"\#($0.0)","from":"\#($0.1)","to":"\#($0.2)"}"# }
                tasks.append(
                    #"{"id":"task-\#(taskNumber)","title":"Archived task \#(index) of request \#(request)","description":"Work done a while ago, described in a sentence or two.","status":"approved","dependsOn":[],"priority":"medium","assignee":"agent","completedDetails":"Done, with the details an agent reports.","approvedBy":"person","history":[\#(history.joined(separator: ","))]}"#
                )
            }
            let line =
                #"{"schemaVersion":3,"archivedAt":"\#(when)","request":{"id":"old-\#(request)","originalRequest":"Old request \#(request)","status":"completed","approvalPolicy":"each","createdAt":"\#(when)","updatedAt":"\#(when)","completedAt":"\#(when)","completedBy":"person","tasks":[\#(tasks.joined(separator: ","))]},"runs":[]}"#
                + "\n"
            handle.write(Data(line.utf8))
        }
    }
}
