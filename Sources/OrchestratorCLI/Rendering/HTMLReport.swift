internal import OrchestratorCore

/// One self-contained HTML file: inline style and SVG, no scripts, nothing fetched from elsewhere.
enum HTMLReport {
    static func render(_ requests: [WorkRequest], path: String, revision: Int, generated: Timestamp) -> String {
        var body: [String] = [
            "<header><h1>mcp-orchestrator report</h1>",
            "<p>State file <code>\(HTMLText.escape(path))</code>, revision \(revision), generated \(generated).</p></header>",
        ]
        if requests.isEmpty { body.append("<p>No requests.</p>") }
        for request in requests { body.append(section(request)) }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>mcp-orchestrator report</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private static func section(_ request: WorkRequest) -> String {
        let progress = Progress(request)
        let share = progress.total == 0 ? 0 : 100 * (progress.counts[.approved] ?? 0) / progress.total
        var rows: [String] = []
        for (position, task) in request.liveTasks.enumerated() {
            let history = task.history.map { entry in
                "<li>\(entry.at) <b>\(HTMLText.escape(entry.actor))</b> \(entry.action.rawValue) (\(HistoryWords.move(entry)))"
                    + (entry.note.map { " — \(HTMLText.escape($0))" } ?? "") + "</li>"
            }.joined()
            rows.append(
                """
                <tr id="\(HTMLText.escape(task.id.rawValue))" class="task"><td class="narrow">\(position + 1)</td><td class="id">\(HTMLText.escape(task.id.rawValue))</td>\
                <td>\(HTMLText.escape(task.title))<details><summary>details and history</summary><p>\(HTMLText.escape(task.description))</p>\
                \(task.completedDetails.map { "<p><b>Completed:</b> \(HTMLText.escape($0))</p>" } ?? "")<ol>\(history)</ol></details></td>\
                <td class="narrow">\(task.priority.rawValue)</td><td class="narrow">\(task.dependsOn.map { HTMLText.escape($0.rawValue) }.joined(separator: ", "))</td>\
                <td><span class="status" style="background:\(StatusPalette.fill(StatusPalette.shade(task, in: request)))">\(PersonQueue.statusWords(task, in: request))</span></td>\
                <td class="narrow">\(HTMLText.escape(task.assignee ?? ""))</td></tr>
                """)
        }
        return """
            <section class="request" id="\(HTMLText.escape(request.id.rawValue))">
            <h2>\(HTMLText.escape(request.id.rawValue)): \(HTMLText.escape(request.originalRequest))</h2>
            <p>Status \(request.status.rawValue), approval policy \(request.approvalPolicy.rawValue). \(HTMLText.escape(progress.sentence))</p>
            <div class="bar" title="\(share)% approved"><div style="width:\(share)%"></div></div>
            \(DependencyGraphSVG.render(request))
            <table><thead><tr><th class="narrow">#</th><th>task</th><th>title</th><th class="narrow">priority</th><th class="narrow">after</th><th>status</th><th class="narrow">holder</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            </section>
            """
    }

    private static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#111827;background:#fff}\
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 6px}code{font-size:13px}\
        .bar{height:8px;background:#e5e7eb;border-radius:4px;max-width:480px;margin:6px 0 12px}\
        .bar div{height:8px;background:#22c55e;border-radius:4px}\
        svg.graph{display:block;margin:8px 0 12px;font-size:12px;font-family:inherit;max-width:100%;height:auto}\
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}\
        th{background:#f9fafb}.status{padding:1px 8px;border-radius:10px;white-space:nowrap}\
        details{color:#4b5563;font-size:13px}summary{cursor:pointer}ol{margin:4px 0;padding-left:20px}\
        .id{white-space:nowrap}h2{overflow-wrap:anywhere}\
        @media (max-width:640px){body{margin:12px}.narrow{display:none}th,td{padding:6px 4px}}
        """
}
