package import OrchestratorMCP

/// The roles this program's tools play, as refusals' remedies name them.
extension ToolRole {
    /// Lists the requests with their ids.
    package static let seeRequests = ToolRole("seeRequests")
    /// Lists one request's tasks.
    package static let seeTasks = ToolRole("seeTasks")
    /// Plans new work.
    package static let planWork = ToolRole("planWork")
    /// Adds a task to a request.
    package static let addTask = ToolRole("addTask")
    /// Brings a deleted task back.
    package static let restore = ToolRole("restore")
    /// Hands out a task to work on.
    package static let claim = ToolRole("claim")
    /// Marks a claimed task done.
    package static let finish = ToolRole("finish")
    /// Approves a done task (and waits for the person's decision).
    package static let approve = ToolRole("approve")
    /// Sends a done task back with feedback.
    package static let reject = ToolRole("reject")
    /// Moves a workflow run on.
    package static let advanceRun = ToolRole("advanceRun")
    /// Lists the workflows.
    package static let seeWorkflows = ToolRole("seeWorkflows")
    /// Starts a workflow run.
    package static let startRun = ToolRole("startRun")
    /// Reconciles a workflow run after an interruption.
    package static let reconcileRun = ToolRole("reconcileRun")
}
