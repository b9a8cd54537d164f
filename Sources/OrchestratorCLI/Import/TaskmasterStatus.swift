internal import OrchestratorCore

/// Task Master's statuses, and those real files carry beyond its own set, onto ours: what the task
/// becomes and what its history says. A task done or in review there was never reported on here, so
/// what it "reported" says where its state came from.
enum TaskmasterStatus {
    /// The standing, the word the report counts it under, and the history's note.
    static func standing(_ status: String) -> (standing: ImportedTask.Standing, word: String, note: String) {
        let done = "Imported from Task Master as \(status); no agent reported on it here."
        switch status.lowercased() {
        case "pending", "todo", "to-do", "open", "backlog":
            return (.pending, "pending", "\(status) in Task Master; imported as pending")
        case "in-progress", "in_progress", "doing", "active", "blocked", "deferred", "on-hold":
            return (.pending, "pending", "\(status) in Task Master; imported as pending, for an agent to claim")
        case "review", "in-review":
            return (.done(details: done), "done", "in review in Task Master; imported as done, awaiting approval")
        case "done", "completed", "complete", "finished":
            return (
                .approved(details: done), "approved",
                "\(status) in Task Master, which has no approval; imported as approved"
            )
        case "cancelled", "canceled", "deprecated", "obsolete", "wontfix":
            return (.deleted, "deleted", "\(status) in Task Master; imported as deleted (restore_task brings it back)")
        default:
            return (.pending, "pending", "'\(status)' in Task Master; imported as pending")
        }
    }
}
