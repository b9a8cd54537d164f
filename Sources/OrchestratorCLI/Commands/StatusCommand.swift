internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorSystem

/// `status [REQUEST_ID]`: the progress of every active request (or one) as terminal tables.
struct StatusCommand: CLICommand {
    let name = "status"
    let summary = "Show the progress of active requests (or one) as tables."
    let usage = "status [REQUEST_ID] [--all] [--archived] [--state PATH]"
    let details = """
        --archived shows the finished requests moved to the archive; REQUEST_ID finds archived ones too.
        Aligned columns that fit the terminal (long titles and request texts are cut with …), coloured by
        status on a terminal unless NO_COLOR is set. Done tasks that wait for your decision read "done,
        needs you", and the commands to decide them follow the tables. --all includes completed requests
        and workflow runs' requests. Reads only; never changes the state file.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = ["--all", "--archived"]

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let ids: [String]
        do { ids = try arguments.positionals(["REQUEST_ID"], optional: 1) } catch { throw .usage(error.description) }
        let access = try StateAccess(arguments, context: context)
        guard access.fileExists else {
            // The sentence and the exit status every command gives on a path without a file.
            let notice = context.olderPlans(access.location).map { " Note: \($0)" } ?? ""
            throw .refused(access.noFileSentence + notice)
        }
        let (state, revision) = try access.read()
        var output = [
            access.place.prefix(1).uppercased() + access.place.dropFirst() + " (\(access.reason), revision \(revision))"
        ]
        let requests: [WorkRequest]
        if let id = ids.first {
            if let index = state.requestIndex(WorkRequest.ID(id)) {
                requests = [state.requests[index]]
            } else if let archived = try access.archived().first(where: { $0.request.id.rawValue == id }) {
                output.append("\(id) is archived (since \(archived.archivedAt)).")
                requests = [archived.request]
            } else {
                throw .refused("no request has the id \(id), live or archived")
            }
        } else if arguments.flags.contains("--archived") {
            let archived = try access.archived()
            if archived.isEmpty {
                // Nothing to list: said as such, with when finished work gets there.
                let days = context.retentionDays.map { ", \($0) days by default" } ?? ""
                output.append(
                    "Nothing is archived yet: a request moves to \(access.archivePath) once it has been completed for "
                        + "the servers' retention (--archive-after-days\(days)).")
                context.writeOut(output.joined(separator: "\n") + "\n")
                return 0
            }
            output.append(
                "Archived: \(archived.count) request\(archived.count == 1 ? "" : "s") in \(access.archivePath)")
            requests = archived.map(\.request)
        } else {
            let everything = arguments.flags.contains("--all")
            requests = state.requests.filter { everything || ($0.status == .active && $0.workflowRun == nil) }
        }
        if requests.isEmpty { output.append("No active requests.") }
        for request in requests {
            output += ["", Self.heading(request, width: context.width)]
            // A large request is its line, unless asked for by its id: what waits is listed below.
            if ids.isEmpty, request.liveTasks.count > Self.tableLimit {
                let line = "  \(request.liveTasks.count) tasks; `mcp-orchestrator status \(request.id)` lists them."
                output.append(context.width.map { line.cut(to: $0) } ?? line)
                continue
            }
            output.append(
                Self.table(request).render(
                    colour: context.usesColour, width: context.width, shrinking: 2, givingWay: [6, 3]))
        }
        let waiting = PersonDecisions.waiting(in: requests)
        if !waiting.isEmpty {
            output +=
                ["", "Waiting for you:"]
                + PersonDecisions.lines(waiting, arguments: arguments, width: context.width, indent: "  ")
        }
        let running = state.runs.filter { $0.status == .running }
        if ids.isEmpty, !running.isEmpty {
            output += [
                "",
                "Workflow runs: "
                    + running.map { "\($0.id) \($0.workflow) on '\($0.currentStep ?? "?")'" }.joined(separator: "; ")
                    .showingControlCharacters(),
            ]
        }
        context.writeOut(output.joined(separator: "\n") + "\n")
        return 0
    }

    /// The request's line above its table; on a narrow terminal its text is cut so the counts stay.
    static func heading(_ request: WorkRequest, width: Int?) -> String {
        let progress = request.progress
        let counts = WorkTask.Status.allCases.filter { (progress[$0] ?? 0) > 0 }.map { "\(progress[$0]!) \($0.words)" }
        let lead = "\(request.id) (\(request.status.rawValue), policy \(request.approvalPolicy.rawValue)): "
        let tail = counts.isEmpty ? "" : " — " + counts.joined(separator: ", ")
        let text = request.originalRequest.showingControlCharacters(keepingLines: false)
        guard let width else { return lead + text + tail }
        // Too narrow for a useful part of the text beside the counts: the text goes on a line of its
        // own, and on a very narrow one the status and policy give way to the counts.
        if width - lead.count - tail.count < 20 {
            let first = String(lead.dropLast(2)) + tail
            let line = first.count <= width ? first : "\(request.id)" + tail
            return line.cut(to: width) + "\n" + ("  " + text).cut(to: width)
        }
        return (lead + text.cut(to: width - lead.count - tail.count) + tail).cut(to: width)
    }

    /// Above this many live tasks a request is shown as its line (`status REQUEST_ID` lists them).
    static let tableLimit = 30

    /// The tasks a task waits for: their ids, or how many when more than two.
    static func after(_ task: WorkTask) -> String {
        switch task.dependsOn.count {
        case 0: "—"
        case 1, 2: task.dependsOn.map(\.rawValue).joined(separator: ",")
        case let count: "\(count) tasks"
        }
    }

    static func table(_ request: WorkRequest) -> TerminalTable {
        var table = TerminalTable(header: ["#", "task", "title", "priority", "after", "status", "holder"])
        for (position, task) in request.liveTasks.enumerated() {
            table.rows.append([
                .init("\(position + 1)"), .init(task.id.rawValue), .init(task.title), .init(task.priority.rawValue),
                .init(after(task)),
                .init(
                    status(task, in: request), colour: StatusPalette.terminal(StatusPalette.shade(task, in: request))),
                .init(task.assignee ?? ""),
            ])
        }
        return table
    }

    static func status(_ task: WorkTask, in request: WorkRequest) -> String {
        PersonQueue.statusWords(task, in: request)
    }
}
