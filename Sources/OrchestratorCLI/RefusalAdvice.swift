internal import OrchestratorCore

/// A refusal's remedy in the person's vocabulary: the commands they can run. Remedies only the
/// agent can carry out (finishing a task, planning) say so instead of naming agent tools.
enum RefusalAdvice {
    /// The refusal's facts, then what the person can do, then its code: `… [task_not_done]`.
    static func sentence(for refusal: OrchestratorError) -> String {
        let advice = refusal.remedy.flatMap(advice).map { " " + $0 } ?? ""
        return "\(refusal)\(advice) [\(refusal.code)]"
    }

    private static func advice(_ remedy: OrchestratorError.Remedy) -> String? {
        switch remedy {
        case .seeRequests: "Run `mcp-orchestrator status --all` to see the requests and their ids."
        case .seeTasks(let request): "Run `mcp-orchestrator status \(request)` to see its tasks."
        case .claimThenFinish, .finish:
            "The agent finishes it first; `mcp-orchestrator status` shows what waits for you."
        case .decide(let task):
            "Approve it with `mcp-orchestrator approve \(task)`, or send it back with `mcp-orchestrator reject \(task) --feedback TEXT`."
        case .rejectToReopen(let task):
            "Send it back with `mcp-orchestrator reject \(task) --feedback TEXT` to reopen it."
        case .seeWorkflows: "Run `mcp-orchestrator workflows validate` to see them."
        case .waitForPerson:
            "Decide from your own terminal or on the board (`mcp-orchestrator board`); an agent's decision is not accepted."
        case .planNewWork, .restore, .addTask, .takeOwnTask, .advanceRun, .startRun, .reconcileRun, .nameNextStep,
            .letRulesChoose:
            nil
        }
    }
}
