/// What a tool does, as a refusal's remedy names it: the wording of a remedy asks the tool catalog
/// for the first enabled tool with the role, so renaming or disabling a tool cannot leave a sentence
/// that names it (`RefusalWording`).
package enum ToolRole: Sendable, Hashable {
    /// Lists the requests with their ids.
    case seeRequests
    /// Lists one request's tasks.
    case seeTasks
    /// Plans new work.
    case planWork
    /// Adds a task to a request.
    case addTask
    /// Brings a deleted task back.
    case restore
    /// Hands out a task to work on.
    case claim
    /// Marks a claimed task done.
    case finish
    /// Approves a done task (and waits for the person's decision).
    case approve
    /// Sends a done task back with feedback.
    case reject
    /// Moves a workflow run on.
    case advanceRun
    /// Lists the workflows.
    case seeWorkflows
    /// Starts a workflow run.
    case startRun
    /// Reconciles a workflow run after an interruption.
    case reconcileRun
}
