/// A rule of the orchestrator refused a change. Each case has a stable `code` for machines and a
/// sentence (`description`) that says what to do instead; the protocol layer puts both in an
/// `isError` tool result.
package enum OrchestratorError: Error, Equatable, CustomStringConvertible {
    case requestNotFound(WorkRequest.ID)
    case taskNotFound(WorkTask.ID, in: WorkRequest.ID?)
    case requestCompleted(WorkRequest.ID)
    case taskDeleted(WorkTask.ID)
    case taskNotDeleted(WorkTask.ID)
    case taskNotStarted(WorkTask.ID)
    case taskNotDone(WorkTask.ID, WorkTask.Status)
    case taskAlreadyInProgress(WorkTask.ID, holder: String?)
    case taskAlreadyDone(WorkTask.ID)
    case taskAlreadyApproved(WorkTask.ID)
    case taskImmutable(WorkTask.ID, WorkTask.Status)
    case taskHeldByOther(WorkTask.ID, holder: String, until: Timestamp)
    case emptyField(String)
    case unknownDependency(String, of: String)
    case ambiguousDependency(String, of: String, candidates: Int)
    case selfDependency(WorkTask.ID)
    case dependencyCycle([WorkTask.ID])
    case dependencyDeleted(WorkTask.ID, dependency: WorkTask.ID)
    case taskHasDependents(WorkTask.ID, dependents: [WorkTask.ID])
    case requestNotFinished(WorkRequest.ID, unapproved: [WorkTask.ID: WorkTask.Status])
    case policyNeedsAgentApprover
    case nothingToUpdate
    case requestBelongsToRun(WorkRequest.ID, run: WorkflowRun.ID)
    case workflowNotFound(String, available: [String])
    case workflowInvalid(String, problems: [String])
    case runNotFound(WorkflowRun.ID)
    case runEnded(WorkflowRun.ID, WorkflowRun.Status)
    case stepMismatch(WorkflowRun.ID, reported: String, current: String)
    case stepMissing(WorkflowRun.ID, step: String, workflow: String)
    case nextStepRequired(step: String, allowed: [String])
    case nextStepNotAllowed(step: String, requested: String, allowed: [String])
    case nextStepDisagrees(step: String, requested: String, decided: String)
    case noTransitionMatches(step: String, outcome: String, rules: [String])
    case taskIDTaken(WorkTask.ID)
    case dependenciesUnmet(WorkTask.ID, waitingOn: [WorkTask.ID])
    case requestGated(WorkRequest.ID, awaiting: [WorkTask.ID])
    case taskIDReserved(WorkTask.ID)

    /// Stable, machine-readable; never reworded once released.
    package var code: String {
        switch self {
        case .requestNotFound: "request_not_found"
        case .taskNotFound: "task_not_found"
        case .requestCompleted: "request_completed"
        case .taskDeleted: "task_deleted"
        case .taskNotDeleted: "task_not_deleted"
        case .taskNotStarted: "task_not_started"
        case .taskNotDone: "task_not_done"
        case .taskAlreadyInProgress: "task_already_in_progress"
        case .taskAlreadyDone: "task_already_done"
        case .taskAlreadyApproved: "task_already_approved"
        case .taskImmutable: "task_immutable"
        case .taskHeldByOther: "task_held_by_other"
        case .emptyField: "empty_field"
        case .unknownDependency: "unknown_dependency"
        case .ambiguousDependency: "ambiguous_dependency"
        case .selfDependency: "self_dependency"
        case .dependencyCycle: "dependency_cycle"
        case .dependencyDeleted: "dependency_deleted"
        case .taskHasDependents: "task_has_dependents"
        case .requestNotFinished: "request_not_finished"
        case .policyNeedsAgentApprover: "policy_needs_agent_approver"
        case .nothingToUpdate: "nothing_to_update"
        case .requestBelongsToRun: "request_belongs_to_run"
        case .workflowNotFound: "workflow_not_found"
        case .workflowInvalid: "workflow_invalid"
        case .runNotFound: "run_not_found"
        case .runEnded: "run_ended"
        case .stepMismatch: "step_mismatch"
        case .stepMissing: "step_missing"
        case .nextStepRequired: "next_step_required"
        case .nextStepNotAllowed: "next_step_not_allowed"
        case .nextStepDisagrees: "next_step_disagrees"
        case .noTransitionMatches: "no_transition_matches"
        case .taskIDTaken: "task_id_taken"
        case .dependenciesUnmet: "dependencies_unmet"
        case .requestGated: "request_gated"
        case .taskIDReserved: "task_id_reserved"
        }
    }

    package var description: String {
        switch self {
        case .requestNotFound(let id):
            "No request has the id \(id); call list_requests to see the ids."
        case .taskNotFound(let id, let request?):
            "Request \(request) has no task \(id); call open_task_details or list_requests to see its tasks."
        case .taskNotFound(let id, nil):
            "No task has the id \(id); call list_requests to see the requests and their tasks."
        case .requestCompleted(let id):
            "Request \(id) is completed and accepts no changes; plan new work with request_planning."
        case .taskDeleted(let id):
            "Task \(id) is deleted; call restore_task first if it should come back."
        case .taskNotDeleted(let id):
            "Task \(id) is not deleted, so there is nothing to restore."
        case .taskNotStarted(let id):
            "Task \(id) is pending and was never claimed; take it with get_next_task, do the work, then mark it done."
        case .taskNotDone(let id, let status):
            "Task \(id) is \(status.words), not done; only a done task can be approved or rejected, so finish it with mark_task_done first."
        case .taskAlreadyInProgress(let id, let holder):
            "Task \(id) is already in progress\(holder.map { " (held by \($0))" } ?? ""); finish it with mark_task_done."
        case .taskAlreadyDone(let id):
            "Task \(id) is already done and awaits approval; approve it with approve_task_completion or send it back with reject_task."
        case .taskAlreadyApproved(let id):
            "Task \(id) is approved and final; add a new task with add_tasks_to_request for further work."
        case .taskImmutable(let id, .done):
            "Task \(id) is done, and done tasks cannot be changed or deleted; reject it with feedback to reopen it."
        case .taskImmutable(let id, let status):
            "Task \(id) is \(status.words) and cannot be changed or deleted; add a new task with add_tasks_to_request instead."
        case .taskHeldByOther(let id, let holder, let until):
            "Task \(id) is held by \(holder) until \(until); only that instance may finish it. Call get_next_task for your own task."
        case .emptyField(let field):
            "\(field) must contain text, not only spaces; fill it in and call again."
        case .unknownDependency(let reference, let task):
            "\(task) depends on \(reference), which is neither a task id of this request nor a title or 1-based position of a task in this call; fix dependsOn."
        case .ambiguousDependency(let reference, let task, let candidates):
            "\(task) depends on '\(reference)', a title \(candidates) tasks share; name the dependency by its position instead."
        case .selfDependency(let id):
            "Task \(id) cannot depend on itself; remove it from its own dependsOn."
        case .dependencyCycle(let cycle):
            "These dependencies form a cycle: \(cycle.map(\.rawValue).joined(separator: " → ")); remove one of them."
        case .dependencyDeleted(let id, let dependency):
            "Task \(id) depends on \(dependency), which is deleted; restore \(dependency) first or change the dependencies."
        case .taskHasDependents(let id, let dependents):
            "Task \(id) cannot be deleted while \(dependents.map(\.rawValue).joined(separator: ", ")) depend\(dependents.count == 1 ? "s" : "") on it; update or delete those first."
        case .requestNotFinished(let id, let unapproved):
            "Request \(id) still has tasks that are not approved: "
                + unapproved.sorted { $0.key.rawValue.precedesNaturally($1.key.rawValue) }
                .map { "\($0.key) (\($0.value.words))" }.joined(separator: ", ")
                + "; finish and approve them first."
        case .policyNeedsAgentApprover:
            "approvalPolicy auto lets done count as approved, which this server's --approver human forbids; use each or end."
        case .nothingToUpdate:
            "update_task needs at least one of title, description, dependsOn or priority."
        case .requestBelongsToRun(let id, let run):
            "Request \(id) records the steps of workflow run \(run) and changes only through it; use advance_workflow with instance_id \(run)."
        case .workflowNotFound(let name, let available):
            "No workflow is named '\(name)'; choose one of \(available.isEmpty ? "(none are loaded)" : available.joined(separator: ", ")), or call list_workflows."
        case .workflowInvalid(let name, let problems):
            "Workflow \(name) has errors and cannot run until they are fixed: \(problems.joined(separator: "; "))"
        case .runNotFound(let id):
            "No workflow run has the id \(id); the instance_id comes from start_workflow, and get_workflow_status lists nothing for unknown ids."
        case .runEnded(let id, let status):
            "Workflow run \(id) has already \(status == .failed ? "failed" : "finished") and takes no more reports; start a new run with start_workflow."
        case .stepMismatch(let id, let reported, let current):
            "Run \(id) is on step '\(current)', not '\(reported)'; report on '\(current)', or call resume_workflow to reconcile."
        case .stepMissing(let id, let step, let workflow):
            "Run \(id) is on step '\(step)', which workflow \(workflow) no longer defines; restore the step file or start a new run."
        case .nextStepRequired(let step, let allowed):
            "Step '\(step)' has no transition rules, so name next_step; allowed: \(allowed.joined(separator: ", "))."
        case .nextStepNotAllowed(let step, let requested, let allowed):
            "Step '\(step)' cannot lead to '\(requested)'; next_step must be one of \(allowed.joined(separator: ", "))."
        case .nextStepDisagrees(let step, let requested, let decided):
            "The transition rules of step '\(step)' lead to '\(decided)', not '\(requested)'; leave next_step out or report a different outcome."
        case .dependenciesUnmet(let id, let waiting):
            "Task \(id) cannot start before \(waiting.map(\.rawValue).joined(separator: ", ")) \(waiting.count == 1 ? "is" : "are") finished; work on that first."
        case .requestGated(let id, let awaiting):
            "Request \(id) hands out nothing while \(awaiting.map(\.rawValue).joined(separator: ", ")) \(awaiting.count == 1 ? "awaits" : "await") approval; approve or reject first."
        case .taskIDTaken(let id):
            "A task with the id \(id) already exists; choose another id."
        case .taskIDReserved(let id):
            "The id \(id) has the task-N form this server gives its own tasks; choose an id of another form."
        case .noTransitionMatches(let step, let outcome, let rules):
            "No transition rule of step '\(step)' matches outcome '\(outcome)' and the context; its rules are: \(rules.joined(separator: "; ")). Report a matching status or set the context the rules read."
        }
    }
}

extension WorkTask.Status {
    /// The status as words for sentences and tables ("in progress").
    package var words: String {
        switch self {
        case .pending: "pending"
        case .inProgress: "in progress"
        case .done: "done"
        case .approved: "approved"
        }
    }
}

extension String {
    /// Orders `task-2` before `task-10`: digit runs compare by value.
    package func precedesNaturally(_ other: String) -> Bool {
        let left = Array(utf8)
        let right = Array(other.utf8)
        var i = 0
        var j = 0
        while i < left.count, j < right.count {
            let a = left[i]
            let b = right[j]
            if Self.isDigit(a), Self.isDigit(b) {
                var x = 0
                var y = 0
                while i < left.count, Self.isDigit(left[i]) {
                    x = x &* 10 &+ Int(left[i] - 48)
                    i += 1
                }
                while j < right.count, Self.isDigit(right[j]) {
                    y = y &* 10 &+ Int(right[j] - 48)
                    j += 1
                }
                if x != y { return x < y }
            } else {
                if a != b { return a < b }
                i += 1
                j += 1
            }
        }
        return left.count - i < right.count - j
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
