import Foundation

/// One server on a state file of its own, initialized and filled with plans of 100 tasks, with the
/// disk floor measured beside it.
final class PlannedStore {
    let directory: URL
    let path: String
    let peer: Peer
    let floor: DiskFloor
    /// The state file's size now, in bytes.
    var size: Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

    init(executable: URL, plans: Int) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orchestrator-store-bench-\(getpid())-\(UUID().uuidString)")
        path = directory.appendingPathComponent("state.json").path
        peer = try! Peer(executable: executable, statePath: path)
        floor = DiskFloor(directory: directory.path)
        _ = peer.roundTrip(initialize)
        peer.notify(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        for plan in 0..<plans { _ = peer.roundTrip(StoreBenchmark.planning(number: plan)) }
    }

    /// One acknowledged mutation's round trip, in nanoseconds; a refused one stops the benchmark.
    func mutate(_ line: String) -> UInt64 {
        var reply = Data()
        let elapsed = nanoseconds { reply = peer.roundTrip(line) }
        if reply.range(of: Data(#""isError":true"#.utf8)) != nil {
            fatalError("benchmark step refused: \(String(decoding: reply, as: UTF8.self))")
        }
        return elapsed
    }

    func close() {
        peer.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
