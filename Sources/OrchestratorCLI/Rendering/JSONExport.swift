internal import OrchestratorCore
internal import OrchestratorFormat
internal import OrchestratorSystem

/// Requests (and the workflow runs they record) in the state file's own format, so an export reads
/// back with the same decoder and a test can check the round trip.
enum JSONExport {
    static func render(_ requests: [WorkRequest], from state: OrchestratorState, revision: Int) -> String {
        let ids = Set(requests.map(\.id))
        let subset = OrchestratorState(
            requests: requests, runs: state.runs.filter { ids.contains($0.requestID) },
            nextRequestNumber: state.nextRequestNumber, nextTaskNumber: state.nextTaskNumber,
            nextRunNumber: state.nextRunNumber)
        var encoder = StateEncoder()
        return String(decoding: encoder.encode(subset, revision: revision), as: UTF8.self)
    }
}
