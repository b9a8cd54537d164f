package import OrchestratorCore

/// The operations the compatibility tool sets need beyond the plain ones, each one change.
extension Orchestrator {
    /// orchestrator-server's `create_task`: a task with the caller's id in the request that holds
    /// such tasks (opened on first use, unattended); its dependencies must exist anywhere in the store.
    package func createLooseTask(
        _ id: WorkTask.ID, description: String, dependencies: [String], by actor: String
    ) throws(ChangeFailure) -> Committed<WorkRequest.ID> {
        let policy = try self.policy(requested: nil, unattended: true)
        return try change { (state, now) throws(OrchestratorError) in
            var requestID: WorkRequest.ID
            if let existing = state.looseTaskRequest {
                requestID = existing
            } else {
                requestID = try state.openRequest(
                    originalRequest: OrchestratorState.looseTaskRequestText, splitDetails: nil, policy: policy,
                    approver: approver, by: actor, at: now)
                if let index = state.requestIndex(requestID) {
                    state.updateRequest(at: index) { $0.holdsLooseTasks = true }
                }
            }
            for dependency in dependencies where state.locate(WorkTask.ID(dependency)) == nil {
                throw .unknownDependency(dependency, of: "Task \(id)")
            }
            let draft = TaskDraft(
                title: id.rawValue, description: description, dependsOn: dependencies.map { .name($0) }, id: id)
            _ = try state.addTasks([draft], to: requestID, by: actor, at: now)
            return requestID
        }
    }

    /// orchestrator-server's `get_next_task`: the next of the loose tasks for `holder`; `nil` when
    /// none was ever created.
    package func claimNextLooseTask(holder: String) throws(ChangeFailure) -> Committed<NextTaskSelection?> {
        let lease = leaseSeconds
        return try change { (state, now) throws(OrchestratorError) -> NextTaskSelection? in
            guard let requestID = state.looseTaskRequest else { return nil }
            return try state.claimNext(in: requestID, holder: holder, leaseSeconds: lease, at: now)
        }
    }

    /// How a subtask's work is reported (mcp-task-orchestrator's `next_action`).
    package enum SubtaskReport: Sendable {
        /// Still in progress: the text is noted in its history (needs revision, blocked).
        case note(String)
        /// Done with these details; `closingPlan` also completes the plan once every task is approved.
        case done(details: String, closingPlan: Bool)
    }

    /// What reporting a subtask did.
    package struct SubtaskOutcome: Sendable {
        package let request: WorkRequest.ID
        package let unlocked: [WorkTask.ID]
        package let closedPlan: Bool
    }

    /// mcp-task-orchestrator's `orchestrator_complete_subtask`, as the holder.
    package func reportSubtask(
        _ task: WorkTask.ID, _ report: SubtaskReport, by actor: String
    ) throws(ChangeFailure) -> Committed<SubtaskOutcome> {
        try change { (state, now) throws(OrchestratorError) in
            let requestID = try state.requestOf(task)
            switch report {
            case .note(let text):
                try state.note(text, on: task, in: requestID, by: actor, at: now)
                return SubtaskOutcome(request: requestID, unlocked: [], closedPlan: false)
            case .done(let details, let closingPlan):
                let effect = try state.markDone(
                    task, in: requestID, details: details, holder: actor, by: actor, at: now)
                // Only a plan whose tasks are all approved closes; the core's own guard decides.
                guard closingPlan, state.isFullyApproved(requestID) else {
                    return SubtaskOutcome(request: requestID, unlocked: effect.unlocked, closedPlan: false)
                }
                try state.completeRequest(requestID, by: .agent(actor), at: now)
                return SubtaskOutcome(request: requestID, unlocked: effect.unlocked, closedPlan: true)
            }
        }
    }

    /// workflow-orchestration's `distribute_task`: a plan of one task per machine, each claimed for
    /// its machine (`parallel`), or chained with only the first claimed (`sequential`).
    package func distribute(
        _ definition: String, details: String, tasks drafts: [TaskDraft], to machines: [String], sequential: Bool,
        by actor: String
    ) throws(ChangeFailure) -> Committed<WorkRequest.ID> {
        let policy = try self.policy(requested: nil, unattended: true)
        let lease = leaseSeconds
        return try change { (state, now) throws(OrchestratorError) in
            let requestID = try state.plan(
                originalRequest: definition, splitDetails: details, tasks: drafts, policy: policy, approver: approver,
                by: actor, at: now)
            let tasks = state.requestIndex(requestID).map { state.requests[$0].tasks } ?? []
            for (task, machine) in zip(tasks, machines) where !sequential || task.dependsOn.isEmpty {
                try state.claim(task.id, in: requestID, holder: machine, leaseSeconds: lease, at: now)
            }
            return requestID
        }
    }
}

extension OrchestratorState {
    /// The text of the request that holds orchestrator-server's tasks.
    package static let looseTaskRequestText = "Tasks created with create_task (orchestrator-server tool set)"

    /// The active request that holds orchestrator-server's tasks, found by its mark, if one was opened.
    package var looseTaskRequest: WorkRequest.ID? {
        requests.last { $0.status == .active && $0.holdsLooseTasks }?.id
    }
}
