/// Creating requests and adding tasks to them.
extension OrchestratorState {
    /// `request_planning`: a new active request with its tasks, in the order given.
    package mutating func plan(
        originalRequest: String, splitDetails: String?, tasks drafts: [TaskDraft], policy: ApprovalPolicy,
        approver: ApproverMode = .agent, origin: WorkRequest.Origin? = nil, by actor: String, at now: Timestamp
    ) throws(OrchestratorError) -> WorkRequest.ID {
        guard !originalRequest.isBlank else { throw .emptyField("originalRequest") }
        var draft = self
        let id = draft.makeRequestID()
        draft.appendRequest(
            WorkRequest(
                id: id, originalRequest: originalRequest, splitDetails: splitDetails, approvalPolicy: policy,
                approver: approver, createdAt: now, updatedAt: now, origin: origin))
        try draft.appendDrafts(drafts, to: draft.requests.count - 1, action: .planned, by: actor, at: now)
        self = draft
        return id
    }

    /// A request with no tasks yet, for tasks that arrive one at a time (orchestrator-server's `create_task`).
    package mutating func openRequest(
        originalRequest: String, splitDetails: String?, policy: ApprovalPolicy, approver: ApproverMode = .agent,
        by actor: String, at now: Timestamp
    ) throws(OrchestratorError) -> WorkRequest.ID {
        try plan(
            originalRequest: originalRequest, splitDetails: splitDetails, tasks: [], policy: policy,
            approver: approver, by: actor, at: now)
    }

    /// `add_tasks_to_request`: appends tasks that may depend on existing ones and on each other.
    package mutating func addTasks(
        _ drafts: [TaskDraft], to requestID: WorkRequest.ID, by actor: String, at now: Timestamp
    ) throws(OrchestratorError) -> [WorkTask.ID] {
        let index = try activeRequestIndex(requestID)
        var draft = self
        let ids = try draft.appendDrafts(drafts, to: index, action: .added, by: actor, at: now)
        self = draft
        return ids
    }

    @discardableResult
    private mutating func appendDrafts(
        _ drafts: [TaskDraft], to requestIndex: Int, action: HistoryEntry.Action, by actor: String, at now: Timestamp
    ) throws(OrchestratorError) -> [WorkTask.ID] {
        var ids: [WorkTask.ID] = []
        for draft in drafts {
            guard let chosen = draft.id else {
                ids.append(makeTaskID())
                continue
            }
            try checkChosen(chosen, against: ids)
            ids.append(chosen)
        }
        let existing = Set(requests[requestIndex].tasks.map(\.id))
        var added: [WorkTask] = []
        added.reserveCapacity(drafts.count)
        for (position, draft) in drafts.enumerated() {
            let label = "Task \(position + 1) ('\(draft.title)')"
            guard !draft.title.isBlank else { throw .emptyField("tasks[\(position)].title") }
            guard !draft.description.isBlank else { throw .emptyField("tasks[\(position)].description") }
            var dependencies: [WorkTask.ID] = []
            for reference in draft.dependsOn {
                let resolved = try Self.resolve(reference, label: label, ids: ids, drafts: drafts, existing: existing)
                if !dependencies.contains(resolved) { dependencies.append(resolved) }
            }
            added.append(
                WorkTask(
                    id: ids[position], title: draft.title, description: draft.description, dependsOn: dependencies,
                    priority: draft.priority, role: draft.role,
                    history: [HistoryEntry(at: now, actor: actor, action: action, from: nil, to: .pending)]))
        }
        appendTasks(added, toRequestAt: requestIndex)
        try DependencyGraph.validate(requests[requestIndex].tasks)
        updateRequest(at: requestIndex) { $0.updatedAt = now }
        return ids
    }

    /// A caller-chosen id must be new to the whole store, and may not take the `task-N` form the
    /// counter hands out, so chosen and counted ids can never collide.
    private func checkChosen(_ id: WorkTask.ID, against earlier: [WorkTask.ID]) throws(OrchestratorError) {
        let text = id.rawValue
        guard !text.isBlank else { throw .emptyField("id") }
        if text.hasPrefix("task-"), !text.dropFirst(5).isEmpty, text.dropFirst(5).allSatisfy(\.isASCII),
            text.dropFirst(5).allSatisfy(\.isNumber)
        {
            throw .taskIDReserved(id)
        }
        guard locate(id) == nil, !earlier.contains(id) else { throw .taskIDTaken(id) }
    }

    /// A position or title in the same call, else an existing task id of the request.
    private static func resolve(
        _ reference: TaskDraft.Reference, label: String, ids: [WorkTask.ID], drafts: [TaskDraft],
        existing: Set<WorkTask.ID>
    ) throws(OrchestratorError) -> WorkTask.ID {
        switch reference {
        case .position(let position):
            guard ids.indices.contains(position - 1) else {
                throw .unknownDependency("position \(position)", of: label)
            }
            return ids[position - 1]
        case .name(let name):
            if existing.contains(WorkTask.ID(name)) { return WorkTask.ID(name) }
            let matches = drafts.indices.filter { drafts[$0].title == name }
            if matches.count > 1 { throw .ambiguousDependency(name, of: label, candidates: matches.count) }
            guard let match = matches.first else { throw .unknownDependency("'\(name)'", of: label) }
            return ids[match]
        }
    }
}

extension String {
    /// Empty or only whitespace.
    package var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
