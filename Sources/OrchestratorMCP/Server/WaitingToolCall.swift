internal import OrchestratorJSON
internal import OrchestratorSystem

/// A call that waits (`waitSeconds`) for something to happen in the state: parked by the server,
/// run again on every change of the state file, and answered when the tool stops waiting or the
/// wait ends. A `notifications/cancelled` drops it unanswered.
struct WaitingToolCall {
    let id: JSONRPCID
    let toolName: String
    let arguments: [String: JSONValue]
    /// The original request's context: its revision, client and progress token.
    let context: RequestContext
    /// When the call first ran, in milliseconds since 1970 (the server's clock).
    let startedAt: Int64
    let seconds: Int
    /// What it waits for, as the tool last said.
    var reason: String
    /// Monotonic milliseconds.
    let started: Int64
    let deadline: Int64
    var nextBeat: Int64

    /// Progress notifications go out this often while a call waits.
    static let beatMilliseconds: Int64 = 5_000

    init(
        id: JSONRPCID, toolName: String, arguments: [String: JSONValue], context: RequestContext,
        startedAt: Int64, seconds: Int, reason: String
    ) {
        self.id = id
        self.toolName = toolName
        self.arguments = arguments
        self.context = context
        self.startedAt = startedAt
        self.seconds = seconds
        self.reason = reason
        started = Monotonic.milliseconds()
        deadline = started + Int64(seconds) * 1000
        nextBeat = started + Self.beatMilliseconds
    }

    /// Tells the client how long it has waited, as a fraction of the wait below 1 (1 is the answer).
    func beat(now: Int64) {
        let elapsed = Double(max(0, now - started)) / 1000
        let share = min(elapsed / Double(max(seconds, 1)), 1)
        context.progress(
            0.01 + 0.98 * share, total: 1,
            message: "Waiting for \(reason) (\(Int(elapsed)) s of \(seconds) s)")
    }
}
