internal import OrchestratorJSON
internal import OrchestratorSystem

/// Calls that wait: parked here, woken by the loop when the state file changes or time passes.
extension MCPServer {
    mutating func park(_ call: WaitingToolCall) {
        call.beat(now: call.started)
        waitingCalls.append(call)
    }

    /// Whether any call waits, so the loop watches the state file and the clock.
    package var isWaiting: Bool { !waitingCalls.isEmpty }

    /// How long the loop may sleep before a wait ends or a progress beat is due; `nil` when nothing waits.
    package func millisecondsUntilDue() -> Int32? {
        guard let due = waitingCalls.map({ min($0.deadline, $0.nextBeat) }).min() else { return nil }
        return Int32(clamping: max(0, due - Monotonic.milliseconds()))
    }

    /// Runs again every waiting call when the state changed, and those whose wait is over; sends the
    /// answers that are ready and progress to those that still wait.
    package mutating func wake(stateChanged: Bool) {
        let now = Monotonic.milliseconds()
        var still: [WaitingToolCall] = []
        for var call in waitingCalls {
            let over = now >= call.deadline
            guard stateChanged || over, let tool = tools.tool(named: call.toolName, drawsApps: call.context.drawsApps)
            else {
                if now >= call.nextBeat {
                    call.beat(now: now)
                    call.nextBeat = now + WaitingToolCall.beatMilliseconds
                }
                still.append(call)
                continue
            }
            let outcome = run(
                tool, arguments: call.arguments, context: call.context, responses: [:], state: nil,
                wait: ToolWait(startedAt: call.startedAt, hasTimeLeft: !over))
            if case .success(.waiting(let reason)) = outcome, !over {
                call.reason = reason
                still.append(call)
                continue
            }
            do {
                if let result = try finish(
                    outcome, tool: tool, id: call.id, arguments: call.arguments, context: call.context, round: 1)
                {
                    sink.send(
                        Self.toolCallReply(
                            id: call.id, result, revision: call.context.revision, identity: configuration.identity))
                }
            } catch {
                sink.send(JSONRPCOutgoing.error(id: call.id, error))
            }
        }
        waitingCalls = still
    }

    /// The reply to a `tools/call` whose result is sent apart from its request's handling (a woken
    /// wait, a failed flush): a 2026 result carries what every one of that era does, sent late or not.
    static func toolCallReply(
        id: JSONRPCID, _ result: [String: JSONValue], revision: ProtocolRevision, identity: ServerIdentity
    ) -> JSONValue {
        let stamped =
            revision.isModern
            ? stampModern(result, cache: MCPMethod.toolsCall.cachePolicy, revision: revision, identity: identity)
            : .object(result)
        return JSONRPCOutgoing.result(id: id, stamped)
    }

    /// Drops a waiting call the client cancelled; `true` when there was one.
    mutating func cancelWaiting(_ id: JSONRPCID) -> Bool {
        guard let index = waitingCalls.firstIndex(where: { $0.id == id }) else { return false }
        waitingCalls.remove(at: index)
        return true
    }
}
