/// Plans brought in from another tool (Task Master): tasks arrive with the state they had there.
package struct ImportedTask: Sendable {
    /// Where the task stood in the other tool, mapped onto ours.
    package enum Standing: Sendable, Equatable {
        case pending
        /// Finished, waiting for approval (Task Master's `review`).
        case done(details: String)
        /// Finished and accepted (Task Master's `done`: it has no approval step).
        case approved(details: String)
        /// Taken out of the plan, kept for restoring (Task Master's `cancelled`).
        case deleted
    }

    package let draft: TaskDraft
    package let standing: Standing
    /// What the history says of the import ("in-progress in Task Master; imported as pending").
    package let note: String

    package init(draft: TaskDraft, standing: Standing, note: String) {
        self.draft = draft
        self.standing = standing
        self.note = note
    }
}

extension OrchestratorState {
    /// A new request of imported tasks, each set to its standing with a history entry that says so.
    /// Live tasks that depended on a task imported as deleted no longer wait for it (their history
    /// says so). Refused as a whole on any error (an unknown dependency, a cycle).
    package mutating func importRequest(
        originalRequest: String, splitDetails: String?, tasks: [ImportedTask], by actor: String, at now: Timestamp
    ) throws(OrchestratorError) -> WorkRequest.ID {
        var draft = self
        let id = try draft.plan(
            originalRequest: originalRequest, splitDetails: splitDetails, tasks: tasks.map(\.draft), policy: .each,
            by: actor, at: now)
        guard let requestIndex = draft.requestIndex(id) else { throw .requestNotFound(id) }
        // Each task is set to its standing through the state machine, recorded with the import's note.
        for (index, imported) in tasks.enumerated() {
            let taskID = draft.requests[requestIndex].tasks[index].id
            switch imported.standing {
            case .pending:
                try draft.perform(.update, on: taskID, in: id, by: actor, at: now, note: imported.note)
            case .done(let details), .approved(let details):
                try draft.perform(.importDone, on: taskID, in: id, by: actor, at: now, note: imported.note) { task in
                    task.completedDetails = details
                }
                if case .approved = imported.standing {
                    try draft.perform(.approve, on: taskID, in: id, by: actor, at: now, note: imported.note) { task in
                        task.approvedBy = actor
                    }
                }
            case .deleted:
                try draft.perform(.delete, on: taskID, in: id, by: actor, at: now, note: imported.note) { task in
                    task.deletedAt = now
                }
            }
        }
        let tasks = draft.requests[requestIndex].tasks
        let deleted = Set(tasks.filter(\.isDeleted).map(\.id))
        for index in tasks.indices where !tasks[index].isDeleted {
            let dropped = tasks[index].dependsOn.filter(deleted.contains)
            guard !dropped.isEmpty else { continue }
            draft.updateTask(at: requestIndex, index) { task in
                task.dependsOn.removeAll(where: deleted.contains)
                task.history.append(
                    HistoryEntry(
                        at: now, actor: actor, action: .updated, from: task.status, to: task.status,
                        note:
                            "no longer waits for \(dropped.map(\.rawValue).joined(separator: ", ")), cancelled in the import"
                    ))
            }
        }
        self = draft
        return id
    }
}
