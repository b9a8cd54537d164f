internal import OrchestratorCore
internal import OrchestratorMCP

/// The request's Markdown progress table that follows every change (issue: readable text).
///
/// Statuses read as distinct words: *pending*, *in progress (holder)*, *done — awaiting approval*,
/// *approved*, and *deleted* for tasks kept for `restore_task`.
enum ProgressTable {
    static func markdown(_ request: WorkRequest) -> String {
        let progress = request.progress
        var lines = [
            "Request \(request.id) — \(request.status == .active ? "active" : "completed"), approval policy \(request.approvalPolicy.rawValue): "
                + "\(progress[.approved] ?? 0) of \(request.liveTaskCount) approved, \(progress[.done] ?? 0) awaiting approval, "
                + "\(progress[.inProgress] ?? 0) in progress, \(progress[.pending] ?? 0) pending",
            "",
        ]
        lines += MarkdownTable.header(["#", "Task", "Title", "Priority", "Depends on", "Status"])
        let shown = RequestView.shownPositions(request)
        for position in shown {
            let task = request.tasks[position]
            let dependencies = task.dependsOn.isEmpty ? "—" : task.dependsOn.map(\.rawValue).joined(separator: ", ")
            lines.append(
                MarkdownTable.row([
                    "\(position + 1)", cell(task.id.rawValue), cell(task.title), task.priority.rawValue,
                    cell(dependencies),
                    status(task),
                ]))
        }
        if shown.count < request.tasks.count {
            lines.append("")
            lines.append(
                "\(request.tasks.count - shown.count) more tasks are not shown; open_task_details shows any task.")
        }
        return lines.joined(separator: "\n")
    }

    static func status(_ task: WorkTask) -> String {
        if task.isDeleted { return "deleted" }
        switch task.status {
        case .pending: return "pending"
        case .inProgress: return task.assignee.map { "in progress (\(cell($0)))" } ?? "in progress"
        case .done: return "done — awaiting approval"
        case .approved: return "approved"
        }
    }

    /// Keeps a value inside one table cell (`MarkdownTable.cell`).
    static func cell(_ text: String) -> String { MarkdownTable.cell(text) }
}
