internal import OrchestratorJSON

/// A tool call's reply whose changes are still flushing to disk: it may be prepared (serialized)
/// meanwhile, but goes out only once they are durable. `settle` waits for them and returns the
/// reply to send instead when a change could not be saved (`state_write_failed`).
struct UnsettledReply {
    let durabilities: DurabilityLedger
    let failed: (ToolFailure) -> JSONValue

    func settle() -> JSONValue? {
        durabilities.wait().map { failed(ToolFailure($0)) }
    }
}
