/// Editing the plan: updating, deleting and restoring tasks. Done and approved tasks are immutable.
extension OrchestratorState {
    /// The fields `update_task` may change; `nil` leaves a field as it is.
    package struct TaskChanges: Equatable, Sendable {
        package var title: String?
        package var description: String?
        package var dependsOn: [WorkTask.ID]?
        package var priority: Priority?

        package init(
            title: String? = nil, description: String? = nil, dependsOn: [WorkTask.ID]? = nil, priority: Priority? = nil
        ) {
            self.title = title
            self.description = description
            self.dependsOn = dependsOn
            self.priority = priority
        }

        var changedFields: [String] {
            [
                title.map { _ in "title" }, description.map { _ in "description" }, dependsOn.map { _ in "dependsOn" },
                priority.map { _ in "priority" },
            ].compactMap(\.self)
        }
    }

    /// `update_task`: changes a pending or in-progress task; dependencies are checked again.
    package mutating func update(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, changes: TaskChanges, holder: String? = nil,
        by actor: String, at now: Timestamp
    ) throws(OrchestratorError) {
        guard !changes.changedFields.isEmpty else { throw .nothingToUpdate }
        if let title = changes.title, title.isBlank { throw .emptyField("title") }
        if let description = changes.description, description.isBlank { throw .emptyField("description") }
        var draft = self
        let note = "changed " + changes.changedFields.joined(separator: ", ")
        let (requestIndex, _, _) = try draft.perform(.update, on: taskID, in: requestID, by: actor, at: now, note: note)
        { (task: inout WorkTask) throws(OrchestratorError) in
            try task.requireNotHeld(byOtherThan: holder)
            if let title = changes.title { task.title = title }
            if let description = changes.description { task.description = description }
            if let dependsOn = changes.dependsOn {
                task.dependsOn = dependsOn.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            }
            if let priority = changes.priority { task.priority = priority }
        }
        if changes.dependsOn != nil { try DependencyGraph.validate(draft.requests[requestIndex].tasks) }
        self = draft
    }

    /// `delete_task`: hides a task from the plan, keeping it for `restore_task`. Refused while live
    /// tasks depend on it.
    package mutating func delete(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, holder: String? = nil, by actor: String,
        at now: Timestamp
    ) throws(OrchestratorError) {
        let requestIndex = try activeRequestIndex(requestID)
        let dependents = DependencyGraph.dependents(of: taskID, in: requests[requestIndex].tasks)
        try perform(.delete, on: taskID, in: requestID, by: actor, at: now) { task throws(OrchestratorError) in
            try task.requireNotHeld(byOtherThan: holder)
            guard dependents.isEmpty else { throw .taskHasDependents(task.id, dependents: dependents) }
            task.deletedAt = now
        }
    }

    /// `restore_task`: brings a deleted task back, provided what it depends on is still there.
    package mutating func restore(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, by actor: String, at now: Timestamp
    ) throws(OrchestratorError) {
        var draft = self
        let (requestIndex, _, _) = try draft.perform(.restore, on: taskID, in: requestID, by: actor, at: now) { task in
            task.deletedAt = nil
        }
        try DependencyGraph.validate(draft.requests[requestIndex].tasks)
        self = draft
    }

    /// Records a note in a task's history without changing it (progress reports such as "needs
    /// revision" or "blocked"); only a task that is not finished takes notes.
    package mutating func note(
        _ text: String, on taskID: WorkTask.ID, in requestID: WorkRequest.ID, by actor: String, at now: Timestamp
    ) throws(OrchestratorError) {
        guard !text.isBlank else { throw .emptyField("note") }
        try perform(.update, on: taskID, in: requestID, by: actor, at: now, note: text)
    }
}

extension WorkTask {
    /// Refuses a change by `agent` to a task another agent holds while its lease runs
    /// (`task_held_by_other`); `nil` is the person, who may.
    func requireNotHeld(byOtherThan agent: String?) throws(OrchestratorError) {
        guard let agent, let assignee, assignee != agent, let until = claimExpiresAt else { return }
        throw .taskHeldByOther(id, holder: assignee, until: until)
    }
}
