import Foundation

/// What finding work costs beside years of it: `search_tasks` over stdio on 100 live tasks and
/// 100,000 archived ones, for queries that match one task, thousands, and none. The first search of
/// a server reads the archive; the rest find it in the store's cache.
enum SearchBenchmark {
    static let queries = [
        ("one task (title words)", "archived task 42 request 999"),
        ("1,000 tasks (a title word and a number)", "task 7"),
        ("none", "kubernetes"),
        ("no words (the archive handed over, nothing scanned)", " "),
    ]

    static func run(executable: URL, calls: Int) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orchestrator-bench-search-\(getpid())")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let state = ArchiveBenchmark.prepare(executable: executable, in: root, archived: 100_000)
        let peer = try! Peer(executable: executable, statePath: state)
        let call = { (query: String) in
            peer.roundTrip(
                #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_tasks","arguments":{"query":"\#(query)"},\#(SharedServerBenchmark.envelope)}}"#
            )
        }
        var first = Data()
        let cold = nanoseconds { first = call(queries[0].1) }
        let answer = String(decoding: first, as: UTF8.self)
        precondition(answer.contains("task-"), "the search found nothing: \(answer.prefix(300))")
        var rows = [
            "| search_tasks beside 100,000 archived tasks | p50 | p99 | target |",
            "|---|---|---|---|",
            "| the first search of a server (reads the archive) | \(format(Double(cold) / 1e6)) | | |",
        ]
        for (name, query) in queries {
            var samples: [UInt64] = []
            for _ in 0..<calls { samples.append(nanoseconds { _ = call(query) }) }
            rows.append(
                "| \(name): `\(query)` | \(format(percentile(samples, 0.5))) | \(format(percentile(samples, 0.99))) | < 50 ms \(percentile(samples, 0.5) < 50 ? "✔" : "✘") |"
            )
        }
        peer.close()
        rows.append("")
        rows.append("\(calls) searches per row on one server, after its first.")
        return rows.joined(separator: "\n")
    }
}
