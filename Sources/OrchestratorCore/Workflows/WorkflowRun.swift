/// One execution of a workflow definition. Each step it enters is recorded as a task of
/// its linked request, so a run has the same lineage, tables and history as a plan.
package struct WorkflowRun: Sendable, Equatable, Identifiable {
    /// A short readable id such as `run-4`: the `instance_id` of the workflow tools.
    package typealias ID = Identifier<WorkflowRun>

    package enum Status: String, CaseIterable, Sendable {
        case running
        /// Reached FINISH.
        case completed
        /// Reached FAILED.
        case failed
    }

    package let id: ID
    /// The definition's name; the definition is looked up again on every advance, so edits apply.
    package let workflow: String
    /// The request whose tasks record the steps taken.
    package let requestID: WorkRequest.ID
    package var status: Status
    /// The step the run waits on; `nil` once it has ended.
    package var currentStep: String?
    /// The task recording the current visit of `currentStep`.
    package var currentTask: WorkTask.ID?
    package var context: WorkflowContext
    package let startedBy: String
    package let createdAt: Timestamp
    package var updatedAt: Timestamp
    package var finishedAt: Timestamp?

    package init(
        id: ID, workflow: String, requestID: WorkRequest.ID, status: Status = .running, currentStep: String?,
        currentTask: WorkTask.ID?, context: WorkflowContext, startedBy: String, createdAt: Timestamp,
        updatedAt: Timestamp, finishedAt: Timestamp? = nil
    ) {
        self.id = id
        self.workflow = workflow
        self.requestID = requestID
        self.status = status
        self.currentStep = currentStep
        self.currentTask = currentTask
        self.context = context
        self.startedBy = startedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
    }
}

/// What `advance_workflow` did: the step left, the outcome, and where the run went.
package struct RunAdvance: Sendable, Equatable {
    package let left: String
    package let outcome: String
    package let target: StepTarget
    /// The task that recorded the step just left, now approved.
    package let finishedTask: WorkTask.ID
}
