internal import OrchestratorCore

/// Requests as a Markdown document: progress, the task table, and each task's history.
enum MarkdownReport {
    static func render(_ requests: [WorkRequest], path: String, revision: Int) -> String {
        var lines = ["# mcp-orchestrator report", "", "State file `\(path)`, revision \(revision).", ""]
        if requests.isEmpty { lines.append("No requests.") }
        for request in requests {
            lines += ["## \(request.id): \(escape(request.originalRequest))", ""]
            lines.append(
                "Status \(request.status.rawValue), approval policy \(request.approvalPolicy.rawValue). "
                    + Progress(request).sentence)
            if let details = request.splitDetails { lines += ["", escape(details)] }
            lines += [""] + MarkdownTable.header(["#", "task", "title", "priority", "after", "status", "holder"])
            for (position, task) in request.liveTasks.enumerated() {
                let after = task.dependsOn.isEmpty ? "—" : task.dependsOn.map(\.rawValue).joined(separator: ", ")
                lines.append(
                    MarkdownTable.row([
                        "\(position + 1)", escape(task.id.rawValue), escape(task.title), task.priority.rawValue,
                        escape(after),
                        PersonQueue.statusWords(task, in: request), escape(task.assignee ?? ""),
                    ]))
            }
            lines += ["", "### History", ""]
            for task in request.liveTasks {
                lines.append("- **\(task.id)** \(escape(task.title))")
                for entry in task.history {
                    lines.append(
                        "  - \(entry.at) \(escape(entry.actor)): \(entry.action.rawValue) (\(HistoryWords.move(entry)))"
                            + (entry.note.map { " — \(escape($0))" } ?? ""))
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Table cells, headings and notes stay one line and show their text as text (`MarkdownTable.cell`).
    static func escape(_ text: String) -> String { MarkdownTable.cell(text) }
}

/// A request's counts, as one sentence and as fractions.
struct Progress {
    let counts: [WorkTask.Status: Int]
    let total: Int

    init(_ request: WorkRequest) {
        counts = request.progress
        total = request.liveTaskCount
    }

    var sentence: String {
        let parts = WorkTask.Status.allCases.filter { (counts[$0] ?? 0) > 0 }.map { "\(counts[$0]!) \($0.words)" }
        return "\(counts[.approved] ?? 0) of \(total) approved"
            + (parts.isEmpty ? "." : " (" + parts.joined(separator: ", ") + ").")
    }
}

enum HistoryWords {
    static func move(_ entry: HistoryEntry) -> String {
        switch (entry.from, entry.to) {
        case (let from?, let to?): "\(from.words) → \(to.words)"
        case (nil, let to?): to.words
        default: ""
        }
    }
}
