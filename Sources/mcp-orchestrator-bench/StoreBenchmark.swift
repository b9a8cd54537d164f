import Foundation

/// Mutation and read latency with 100, 1,000 and 10,000 tasks in the store, over stdio.
///
/// The store is filled with plans of 100 tasks each. A mutation is one of `get_next_task` (a claim),
/// `mark_task_done` and `approve_task_completion`, cycled on the oldest request; every one is
/// acknowledged only after the file is rewritten and `fsync`ed. Reads are `open_task_details` and
/// `list_requests`.
enum StoreBenchmark {
    static func run(executable: URL, sizes: [Int], mutations: Int) -> String {
        var lines = [
            "| tasks in store | state file | mutation p50 | mutation p99 | disk floor p50 | read p50 | read p99 |",
            "|---|---|---|---|---|---|---|",
        ]
        var peaks: [String] = []
        for size in sizes {
            let store = PlannedStore(executable: executable, plans: size / 100)
            let peer = store.peer
            var writes: [UInt64] = []
            var reads: [UInt64] = []
            var floors: [UInt64] = []
            var taskNumber = 1
            while writes.count < mutations {
                for step in cycle(request: "req-1", task: "task-\(taskNumber)") { writes.append(store.mutate(step)) }
                reads.append(
                    nanoseconds {
                        _ = peer.roundTrip(
                            #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"open_task_details","arguments":{"taskId":"task-\#(size / 2)"}}}"#
                        )
                    })
                reads.append(
                    nanoseconds {
                        _ = peer.roundTrip(
                            #"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"list_requests","arguments":{"status":"completed"}}}"#
                        )
                    })
                floors.append(store.floor.measure(size: store.size))
                taskNumber = taskNumber % 100 + 1
                if taskNumber == 1 { break }
            }
            let bytes = store.size
            if let peak = peer.peakResidentKiB { peaks.append("\(size) tasks: \(peak / 1024) MiB (\(peak) KiB)") }
            store.close()
            lines.append(
                "| \(size) | \(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB | \(format(percentile(writes, 0.5))) | \(format(percentile(writes, 0.99))) "
                    + "| \(format(percentile(floors, 0.5))) | \(format(percentile(reads, 0.5))) | \(format(percentile(reads, 0.99))) |"
            )
        }
        lines.append("")
        lines.append("Peak resident memory of the server: \(peaks.joined(separator: ", ")).")
        lines.append(
            "Samples per size: up to \(mutations) acknowledged mutations (claim, done, approve) and two reads after each cycle."
        )
        lines.append(
            "Disk floor: one durable replacement of a file the size of the state file (write, fsync, rename, fsync the folder), measured by the benchmark itself after each cycle; the part of a mutation above it is the server's own."
        )
        return lines.joined(separator: "\n")
    }

    /// `request_planning` of plan `number`: 100 tasks, each with a two-sentence description.
    static func planning(number plan: Int) -> String {
        let description = String(repeating: "Implement and verify this part of the change. ", count: 2)
        let tasks = (1...100).map { #"{"title":"Task \#(plan)-\#($0)","description":"\#(description)"}"# }
            .joined(separator: ",")
        return
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"request_planning","arguments":{"originalRequest":"Plan \#(plan)","tasks":[\#(tasks)]}}}"#
    }

    /// One cycle of three mutations on `task`: claimed (the next task of `request`), done, approved.
    static func cycle(request: String, task: String) -> [String] {
        [
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_next_task","arguments":{"requestId":"\#(request)"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"mark_task_done","arguments":{"requestId":"\#(request)","taskId":"\#(task)","completedDetails":"Done and checked."}}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"approve_task_completion","arguments":{"requestId":"\#(request)","taskId":"\#(task)"}}}"#,
        ]
    }
}
