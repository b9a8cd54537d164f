package import OrchestratorCore
package import OrchestratorJSON

/// The state as the page draws it: the person's queue first, then every request with its graph
/// (laid out here, by the same `GraphLayout` as the HTML export) and tasks, then workflow runs.
/// The page inserts every string as text.
package enum BoardView {
    /// What `json` writes, for the board app's tool to publish (the view's shape, declared with it).
    package static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "revision": ["type": "integer"], "stateFile": ["type": "string"], "stateReason": ["type": "string"],
            "approver": ["type": "string"],
            "needsYou": ["type": "array", "items": ["type": "object"]],
            "requests": ["type": "array", "items": ["type": "object"]],
            "runs": ["type": "array", "items": ["type": "object"]],
        ],
        "required": ["revision", "stateFile", "stateReason", "approver", "needsYou", "requests", "runs"],
    ]

    /// - Parameter diffs: the patch of a task's evidence, per file, asked only for the tasks that wait
    ///   for the person's decision (its home reads it from git).
    package static func json(
        _ state: OrchestratorState, revision: Int, stateFile: String, stateReason: String = "", approver: String,
        archived: [ArchivedRequest]? = [], diffs: (TaskEvidence) -> [FileDiff] = { _ in [] },
        requestView: ((WorkRequest) -> JSONValue)? = nil
    ) -> JSONValue {
        let queue: [JSONValue] = PersonQueue.items(in: state.requests).map { item in
            switch item {
            case .decide(let task, let request):
                var shown = self.task(task, in: request)
                if let evidence = task.evidence, case .object(var object) = shown {
                    object["diffs"] = .array(diffs(evidence).map(Self.diff))
                    shown = .object(object)
                }
                return [
                    "kind": "decide", "requestId": .string(request.id.rawValue),
                    "request": .string(request.originalRequest), "task": shown,
                ]
            case .close(let request):
                return [
                    "kind": "close", "requestId": .string(request.id.rawValue),
                    "request": .string(request.originalRequest), "taskCount": .int(request.liveTaskCount),
                ]
            }
        }
        // Active requests in the order the scheduler serves them, then completed ones, the newest first.
        let plans = state.requests.filter { $0.workflowRun == nil }
        let shown = plans.filter { $0.status == .active } + plans.filter { $0.status == .completed }.reversed()
        var view: [String: JSONValue] = [
            "revision": .int(revision), "stateFile": .string(stateFile), "stateReason": .string(stateReason),
            "approver": .string(approver),
            "needsYou": .array(queue),
            "requests": .array(shown.map { requestView?($0) ?? self.request($0) }),
            "runs": .array(state.runs.reversed().map { run($0, in: state) }),
        ]
        // Finished work moved to the archive, newest first, as a list to look up (show, status REQUEST_ID);
        // left out when the caller did not read the archive.
        if let archived {
            view["archived"] = .array(
                archived.reversed().prefix(200).map { item in
                    [
                        "id": .string(item.request.id.rawValue), "text": .string(item.request.originalRequest),
                        "archivedAt": .string(item.archivedAt.description), "total": .int(item.request.liveTaskCount),
                    ]
                })
            view["archivedCount"] = .int(archived.count)
        }
        return .object(view)
    }

    /// One request's view: its line, its graph laid out, its tasks. The same request always has the
    /// same view, so a caller that draws again and again may keep it (`BoardHandler` does).
    package static func request(_ request: WorkRequest) -> JSONValue {
        let progress = request.progress
        let layout = GraphLayout(request.liveTasks)
        let byID = Dictionary(request.liveTasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var object: [String: JSONValue] = [
            "id": .string(request.id.rawValue), "text": .string(request.originalRequest),
            "status": .string(request.status.rawValue), "policy": .string(request.approvalPolicy.rawValue),
            "counts": .object(
                Dictionary(
                    uniqueKeysWithValues: WorkTask.Status.allCases.map { ($0.rawValue, .int(progress[$0] ?? 0)) })
            ),
            "total": .int(request.liveTaskCount), "updatedAt": .string(request.updatedAt.description),
            "graph": [
                "width": .int(layout.width), "height": .int(layout.height),
                "boxWidth": .int(GraphLayout.boxWidth), "boxHeight": .int(GraphLayout.boxHeight),
                "boxes": .array(
                    layout.boxes.map { box in
                        [
                            "id": .string(box.id.rawValue), "x": .int(box.x), "y": .int(box.y),
                            "title": .string(byID[box.id]?.title ?? ""),
                            "status": .string(byID[box.id]?.status.rawValue ?? ""),
                            "shade": .string(byID[box.id].map { StatusPalette.shade($0, in: request).rawValue } ?? ""),
                        ]
                    }),
                "edges": .array(
                    layout.edges.map { edge in
                        [
                            "from": .string(edge.from.rawValue), "to": .string(edge.to.rawValue),
                            "points": .array(edge.points.map { [.int($0.x), .int($0.y)] }),
                        ]
                    }),
            ],
            "tasks": .array(request.liveTasks.map { task($0, in: request) }),
        ]
        if let origin = request.origin {
            var planned: [String: JSONValue] = ["worktree": .string(origin.worktree)]
            planned["branch"] = origin.branch.map(JSONValue.string)
            object["origin"] = .object(planned)
        }
        return .object(object)
    }

    private static func task(_ task: WorkTask, in request: WorkRequest) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(task.id.rawValue), "title": .string(task.title), "description": .string(task.description),
            "status": .string(task.status.rawValue), "statusWords": .string(PersonQueue.statusWords(task, in: request)),
            "needsYou": .bool(PersonQueue.waits(task, in: request)),
            "priority": .string(task.priority.rawValue),
            "dependsOn": .array(task.dependsOn.map { .string($0.rawValue) }),
            "history": .array(
                task.history.map { entry in
                    var line: [String: JSONValue] = [
                        "at": .string(entry.at.description), "actor": .string(entry.actor),
                        "action": .string(entry.action.rawValue),
                    ]
                    if let from = entry.from { line["from"] = .string(from.words) }
                    if let to = entry.to { line["to"] = .string(to.words) }
                    if let note = entry.note { line["note"] = .string(note) }
                    return .object(line)
                }),
        ]
        if let assignee = task.assignee { object["assignee"] = .string(assignee) }
        if let details = task.completedDetails { object["completedDetails"] = .string(details) }
        if let feedback = task.feedback { object["feedback"] = .string(feedback) }
        if let approvedBy = task.approvedBy { object["approvedBy"] = .string(approvedBy) }
        if let evidence = task.evidence { object["evidence"] = Self.evidence(evidence) }
        object["checks"] = task.checks?.viewJSON
        return .object(object)
    }

    /// What a task changed: the summary, the files with their lines, the notes, who recorded it.
    private static func evidence(_ evidence: TaskEvidence) -> JSONValue {
        [
            "summary": .string(evidence.summary), "round": .int(evidence.round),
            "source": .string(evidence.source.rawValue), "notes": .array(evidence.notes.map(JSONValue.string)),
            "files": evidence.filesJSON,
        ]
    }

    /// One file's patch: its lines as `[kind, number, text]`, and how many were left out.
    private static func diff(_ file: FileDiff) -> JSONValue {
        [
            "path": .string(file.path), "omitted": .int(file.omitted),
            "lines": .array(
                file.lines.map { line in
                    [.string(line.kind.rawValue), line.number.map(JSONValue.int) ?? .null, .string(line.text)]
                }),
        ]
    }

    private static func run(_ run: WorkflowRun, in state: OrchestratorState) -> JSONValue {
        let steps: [JSONValue] =
            state.requestIndex(run.requestID).map { index in
                state.requests[index].tasks.map { task in
                    [
                        "task": .string(task.id.rawValue), "title": .string(task.title),
                        "status": .string(task.status.words),
                    ]
                }
            } ?? []
        var object: [String: JSONValue] = [
            "id": .string(run.id.rawValue), "workflow": .string(run.workflow), "status": .string(run.status.rawValue),
            "requestId": .string(run.requestID.rawValue), "startedBy": .string(run.startedBy),
            "updatedAt": .string(run.updatedAt.description), "steps": .array(steps),
        ]
        if let step = run.currentStep { object["currentStep"] = .string(step) }
        return .object(object)
    }
}
