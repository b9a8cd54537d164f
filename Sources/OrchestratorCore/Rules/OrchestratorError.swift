/// A rule of the orchestrator refused a change. Each case has a stable `code` for machines, the facts
/// (`description`) and, where there is one, a `remedy` in domain terms; each front end words the
/// remedy in its own vocabulary (the tools a client has, the commands a person runs).
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
    /// The request's approver is the person, and an agent tried to approve or close it.
    case personDecides(WorkRequest.ID)
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
        case .personDecides: "human_approval_required"
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

    /// What is wrong, in the domain's words: the facts, and what to change when that is the same
    /// for every caller ("remove one of them"). It never names a tool or a command; each front end
    /// adds the `remedy` in its own vocabulary.
    package var description: String {
        switch self {
        case .requestNotFound(let id):
            "No request has the id \(id)."
        case .taskNotFound(let id, let request?):
            "Request \(request) has no task \(id)."
        case .taskNotFound(let id, nil):
            "No task has the id \(id)."
        case .requestCompleted(let id):
            "Request \(id) is completed and accepts no changes."
        case .taskDeleted(let id):
            "Task \(id) is deleted."
        case .taskNotDeleted(let id):
            "Task \(id) is not deleted, so there is nothing to restore."
        case .taskNotStarted(let id):
            "Task \(id) is pending and was never claimed."
        case .taskNotDone(let id, let status):
            "Task \(id) is \(status.words), not done; only a done task can be approved or rejected."
        case .taskAlreadyInProgress(let id, let holder):
            "Task \(id) is already in progress\(holder.map { " (held by \($0))" } ?? "")."
        case .taskAlreadyDone(let id):
            "Task \(id) is already done and awaits approval."
        case .taskAlreadyApproved(let id):
            "Task \(id) is approved and final."
        case .taskImmutable(let id, .done):
            "Task \(id) is done, and done tasks cannot be changed or deleted."
        case .taskImmutable(let id, let status):
            "Task \(id) is \(status.words) and cannot be changed or deleted."
        case .taskHeldByOther(let id, let holder, let until):
            "Task \(id) is held by \(holder) until \(until); only that holder may finish or change it."
        case .emptyField(let field):
            "\(field) must contain text, not only spaces; fill it in."
        case .unknownDependency(let reference, let task):
            "\(task) depends on \(reference), which is neither a task id of this request nor a title or 1-based position of a task in this call; fix the dependencies."
        case .ambiguousDependency(let reference, let task, let candidates):
            "\(task) depends on '\(reference)', a title \(candidates) tasks share; name the dependency by its position instead."
        case .selfDependency(let id):
            "Task \(id) cannot depend on itself; remove it from its own dependencies."
        case .dependencyCycle(let cycle):
            "These dependencies form a cycle: \(cycle.map(\.rawValue).joined(separator: " → ")); remove one of them."
        case .dependencyDeleted(let id, let dependency):
            "Task \(id) depends on \(dependency), which is deleted; bring \(dependency) back or change the dependencies."
        case .taskHasDependents(let id, let dependents):
            "Task \(id) cannot be deleted while \(dependents.map(\.rawValue).joined(separator: ", ")) depend\(dependents.count == 1 ? "s" : "") on it; change or delete those first."
        case .requestNotFinished(let id, let unapproved):
            "Request \(id) still has tasks that are not approved: "
                + unapproved.sorted { $0.key.rawValue.precedesNaturally($1.key.rawValue) }
                .map { "\($0.key) (\($0.value.words))" }.joined(separator: ", ")
                + "; finish and approve them first."
        case .policyNeedsAgentApprover:
            "approvalPolicy auto lets done count as approved, which a plan the person approves forbids; use each or end."
        case .personDecides(let id):
            "The person approves the work of request \(id); an agent's approval is not accepted, whatever server or command carries it."
        case .nothingToUpdate:
            "Nothing to change was given: name at least one of the task's title, description, dependencies or priority."
        case .requestBelongsToRun(let id, let run):
            "Request \(id) records the steps of workflow run \(run) and changes only through that run."
        case .workflowNotFound(let name, let available):
            "No workflow is named '\(name)'; the loaded ones are \(available.isEmpty ? "(none)" : available.joined(separator: ", "))."
        case .workflowInvalid(let name, let problems):
            "Workflow \(name) has errors and cannot run until they are fixed: \(problems.joined(separator: "; "))"
        case .runNotFound(let id):
            "No workflow run has the id \(id)."
        case .runEnded(let id, let status):
            "Workflow run \(id) has already \(status == .failed ? "failed" : "finished") and takes no more reports."
        case .stepMismatch(let id, let reported, let current):
            "Run \(id) is on step '\(current)', not '\(reported)'; report on '\(current)'."
        case .stepMissing(let id, let step, let workflow):
            "Run \(id) is on step '\(step)', which workflow \(workflow) no longer defines; restore the step file or start a new run."
        case .nextStepRequired(let step, let allowed):
            "Step '\(step)' has no transition rules, so the next step must be named; allowed: \(allowed.joined(separator: ", "))."
        case .nextStepNotAllowed(let step, let requested, let allowed):
            "Step '\(step)' cannot lead to '\(requested)'; the next step must be one of \(allowed.joined(separator: ", "))."
        case .nextStepDisagrees(let step, let requested, let decided):
            "The transition rules of step '\(step)' lead to '\(decided)', not '\(requested)'; let the rules choose, or report a different outcome."
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

    /// What the caller can do about it, as a domain action; each front end words it with its own
    /// tools or commands (or leaves it out where it offers no way to do it).
    package var remedy: Remedy? {
        switch self {
        case .requestNotFound: .seeRequests
        case .taskNotFound(_, let request?): .seeTasks(of: request)
        case .taskNotFound(_, nil): .seeRequests
        case .requestCompleted: .planNewWork
        case .taskDeleted(let id): .restore(id)
        case .taskNotStarted(let id): .claimThenFinish(id)
        case .taskNotDone(let id, _), .taskAlreadyInProgress(let id, _): .finish(id)
        case .taskAlreadyDone(let id): .decide(id)
        case .taskAlreadyApproved, .taskImmutable(_, .approved), .taskImmutable(_, .pending),
            .taskImmutable(_, .inProgress):
            .addTask
        case .taskImmutable(let id, .done): .rejectToReopen(id)
        case .taskHeldByOther: .takeOwnTask
        case .requestBelongsToRun(_, let run): .advanceRun(run)
        case .personDecides: .waitForPerson
        case .nextStepRequired, .nextStepNotAllowed: .nameNextStep
        case .nextStepDisagrees: .letRulesChoose
        case .workflowNotFound: .seeWorkflows
        case .runNotFound, .runEnded: .startRun
        case .stepMismatch(let run, _, _): .reconcileRun(run)
        case .taskNotDeleted, .emptyField, .unknownDependency, .ambiguousDependency, .selfDependency, .dependencyCycle,
            .dependencyDeleted, .taskHasDependents, .requestNotFinished, .policyNeedsAgentApprover, .nothingToUpdate,
            .workflowInvalid, .stepMissing, .noTransitionMatches, .taskIDTaken, .dependenciesUnmet, .requestGated,
            .taskIDReserved:
            nil
        }
    }

    /// What to do about a refusal, in domain terms.
    package enum Remedy: Equatable, Sendable {
        /// Look at the requests and their ids.
        case seeRequests
        /// Look at one request's tasks.
        case seeTasks(of: WorkRequest.ID)
        /// Plan new work instead.
        case planNewWork
        /// Bring a deleted task back.
        case restore(WorkTask.ID)
        /// Claim the task, do the work, then finish it.
        case claimThenFinish(WorkTask.ID)
        /// Finish the task (mark it done).
        case finish(WorkTask.ID)
        /// Approve the done task, or reject it with feedback.
        case decide(WorkTask.ID)
        /// Add a new task for further work.
        case addTask
        /// Reject the done task with feedback to reopen it.
        case rejectToReopen(WorkTask.ID)
        /// Ask for a task of one's own.
        case takeOwnTask
        /// Move the workflow run instead.
        case advanceRun(WorkflowRun.ID)
        /// Look at the workflows that can run.
        case seeWorkflows
        /// Start a new workflow run.
        case startRun
        /// Reconcile with the run's real step.
        case reconcileRun(WorkflowRun.ID)
        /// Let the person decide, and wait for their decision.
        case waitForPerson
        /// Name the run's next step (one of those the refusal lists).
        case nameNextStep
        /// Leave the next step to the step's transition rules.
        case letRulesChoose
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
