import Foundation

/// What years of finished work cost once it is archived: 100 live tasks beside no history, and beside
/// 100,000 archived tasks (1,000 requests of 100, each task with its claim, done and approve entries).
/// Mutation, read, cold start and peak memory, with the same live file both times.
enum ArchiveBenchmark {
    /// The two stores take turns in blocks of this many calls, so the machine's drift from minute
    /// to minute falls on both alike.
    private static let block = 50

    static func run(executable: URL, calls: Int, starts: Int) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orchestrator-bench-archive-\(getpid())")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let kinds = [0, 100_000]
        let states = kinds.map { prepare(executable: executable, in: root, archived: $0) }

        var startSamples = Array(repeating: [UInt64](), count: kinds.count)
        for _ in 0..<starts {
            for (index, state) in states.enumerated() {
                var peer: Peer?
                startSamples[index].append(
                    nanoseconds {
                        peer = try! Peer(executable: executable, statePath: state)
                        _ = peer!.roundTrip(
                            #"{"jsonrpc":"2.0","id":0,"method":"server/discover","params":{\#(SharedServerBenchmark.envelope)}}"#
                        )
                    })
                peer!.close()
            }
        }
        // A fresh server for each store and block, the order swapped every block: within one process
        // the calls' latency depends on where the scheduler placed its threads (by 50% on this VM),
        // which has nothing to do with the archive.
        var reads = Array(repeating: [UInt64](), count: kinds.count)
        var mutations = Array(repeating: [UInt64](), count: kinds.count)
        var peaks = Array(repeating: 0, count: kinds.count)
        for (number, first) in stride(from: 0, to: calls, by: block).enumerated() {
            let order = number % 2 == 0 ? Array(states.indices) : states.indices.reversed()
            for index in order {
                let peer = try! Peer(executable: executable, statePath: states[index])
                for round in first..<min(first + block, calls) {
                    reads[index].append(
                        nanoseconds {
                            _ = peer.roundTrip(
                                #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_requests","arguments":{},\#(SharedServerBenchmark.envelope)}}"#
                            )
                        })
                    mutations[index].append(
                        nanoseconds {
                            _ = peer.roundTrip(
                                #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"update_task","arguments":{"requestId":"req-1","taskId":"task-\#(round % 100 + 1)","title":"Live \#(round)"},\#(SharedServerBenchmark.envelope)}}"#
                            )
                        })
                }
                peaks[index] = max(peaks[index], peer.peakResidentKiB ?? 0)
                peer.close()
            }
        }
        var rows = [
            "| 100 live tasks beside | mutation p50 | read p50 | cold start p50 | peak memory |",
            "|---|---|---|---|---|",
        ]
        for index in kinds.indices {
            rows.append(
                "| \(kinds[index] == 0 ? "no history" : "100,000 archived tasks") | \(format(percentile(mutations[index], 0.5))) | \(format(percentile(reads[index], 0.5))) | \(format(percentile(startSamples[index], 0.5))) | \(peaks[index] / 1024) MiB |"
            )
        }
        rows.append("")
        rows.append(
            "\(calls) mutations and reads and \(starts) cold starts per row, the two stores taking turns (calls in "
                + "blocks of \(block), each on a fresh server); the archive is not read unless asked for.")
        return rows.joined(separator: "\n")
    }

    /// A folder with a state file of 100 live tasks and, when `archived` is above 0, an archive of
    /// that many finished tasks beside it; returns the state file's path.
    static func prepare(executable: URL, in root: URL, archived: Int) -> String {
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
        return state
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
