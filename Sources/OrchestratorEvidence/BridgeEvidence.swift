package import OrchestratorCore
package import OrchestratorJSON
internal import OrchestratorSystem

/// The evidence the `connect` bridge takes in the agent's working tree, for a shared server that is
/// not there: a snapshot when a task it relays is claimed, another when it relays the task's
/// `mark_task_done`, and the change between them attached to that call (`BridgeAttachment`). The
/// snapshots are kept under the bridge's own refs, named by the server's address.
package final class BridgeEvidence: Sendable {
    private let recorder: EvidenceRecorder
    private let environment: [String: String]
    /// The round of each task this bridge saw claimed or resumed, and whether it is still open here.
    private let seen = Locked<[WorkTask.ID: (round: Int, open: Bool)]>([:])

    package init(workingDirectory: String, server: String, environment: [String: String]) {
        recorder = EvidenceRecorder(workingDirectory: workingDirectory, statePath: server, environment: environment)
        self.environment = environment
    }

    /// A relayed `get_next_task` answered: a task claimed begins its round here (the snapshot is taken
    /// before the agent reads the answer); a task resumed is remembered with its round.
    package func answered(_ result: JSONValue) {
        guard let answer = result["structuredContent"], let id = answer["task"]?["id"]?.stringValue,
            let round = answer["task"]?["round"]?.intValue
        else { return }
        let task = WorkTask.ID(id)
        switch answer["status"]?.stringValue {
        case "claimed":
            recorder.begin(task, round: round)
            seen.withLock { $0[task] = (round, true) }
        case "resumed":
            seen.withLock { $0[task] = (round, true) }
        default: break
        }
    }

    /// What to attach to the relayed `mark_task_done` of `task`: the round's change, with its patch.
    package func attachment(for task: WorkTask.ID) -> JSONValue {
        let (round, others) = seen.withLock { seen -> (Int, [WorkTask.ID]) in
            let round = seen[task]?.round ?? recorder.roundUnderWay(task)
            seen[task] = (round, false)
            return (round, seen.filter { $0.value.open && $0.key != task }.map(\.key))
        }
        let evidence = recorder.finish(task, round: round, others: others)
        let patch = (try? EvidenceRecorder.patch(of: evidence, environment: environment, statePath: "").get()) ?? ""
        return BridgeAttachment(evidence: evidence, patch: patch).json
    }
}
