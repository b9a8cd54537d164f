import Foundation

/// Two server builds side by side in one run: this build's server and another one, taking turns in
/// blocks so that the disk's drift from minute to minute falls on both alike. Differences of a few
/// tens of microseconds, which separate runs of the full benchmark cannot show, show here.
///
/// Mutations (claim, done, approve) on a plan of 100 tasks, with the disk floor after each cycle;
/// and `open_task_details` at 10,000 tasks (100 plans of 100), on a task near the start, the middle
/// and the end. The first cycle of each block is left out: it pays for the other server's turn.
enum CompareBenchmark {
    static func run(executables: [URL], rounds: Int) -> String {
        let names = executables.map(\.path)
        var lines = [
            "| server | mutation p50 | disk floor p50 | mutation − floor | mutation / floor | open_task_details p50 at 10,000 tasks |",
            "|---|---|---|---|---|---|",
        ]
        let mutations = mutationSamples(executables, rounds: rounds)
        let reads = readSamples(executables, rounds: rounds)
        for index in executables.indices {
            let mutation = percentile(mutations[index].mutations, 0.5)
            let floor = percentile(mutations[index].floors, 0.5)
            lines.append(
                "| \(names[index]) | \(format(mutation)) | \(format(floor)) | \(format(mutation - floor)) "
                    + "| \(String(format: "%.2f", mutation / floor))× | \(format(percentile(reads[index], 0.5))) |")
        }
        lines.append("")
        lines.append(
            "Samples per server: \(mutations[0].mutations.count) mutations in blocks of 20 cycles, "
                + "\(reads[0].count) reads in blocks of 50, the servers taking turns.")
        return lines.joined(separator: "\n")
    }

    private static let blockCycles = 20

    private static func mutationSamples(_ executables: [URL], rounds: Int) -> [(mutations: [UInt64], floors: [UInt64])]
    {
        var samples = Array(repeating: (mutations: [UInt64](), floors: [UInt64]()), count: executables.count)
        var stores = executables.map { PlannedStore(executable: $0, plans: 1) }
        var next = 1
        for _ in 0..<rounds {
            if next + blockCycles > 100 {
                for store in stores { store.close() }
                stores = executables.map { PlannedStore(executable: $0, plans: 1) }
                next = 1
            }
            for (index, store) in stores.enumerated() {
                for cycle in 0..<blockCycles {
                    let task = "task-\(next + cycle)"
                    for step in StoreBenchmark.cycle(request: "req-1", task: task) {
                        let elapsed = store.mutate(step)
                        if cycle > 0 { samples[index].mutations.append(elapsed) }
                    }
                    let floor = store.floor.measure(size: store.size)
                    if cycle > 0 { samples[index].floors.append(floor) }
                }
            }
            next += blockCycles
        }
        for store in stores { store.close() }
        return samples
    }

    private static func readSamples(_ executables: [URL], rounds: Int) -> [[UInt64]] {
        var samples = Array(repeating: [UInt64](), count: executables.count)
        let stores = executables.map { PlannedStore(executable: $0, plans: 100) }
        let tasks = ["task-150", "task-5050", "task-9950"]
        for round in 0...rounds {
            for (index, store) in stores.enumerated() {
                for read in 0..<50 {
                    let line =
                        #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"open_task_details","arguments":{"taskId":"\#(tasks[read % 3])"}}}"#
                    let elapsed = nanoseconds { _ = store.peer.roundTrip(line) }
                    if round > 0, read > 0 { samples[index].append(elapsed) }
                }
            }
        }
        for store in stores { store.close() }
        return samples
    }
}
