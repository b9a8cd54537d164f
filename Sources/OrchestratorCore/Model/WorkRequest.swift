/// A user's request and the plan of tasks made for it.
package struct WorkRequest: Sendable, Equatable, Identifiable {
    /// A short readable id such as `req-3`.
    package typealias ID = Identifier<WorkRequest>

    package enum Status: String, CaseIterable, Sendable {
        /// Planned and being worked on; accepts changes.
        case active
        /// Closed by `approve_request_completion` once every task was approved; refuses every change.
        case completed
    }

    package let id: ID
    package var originalRequest: String
    package var splitDetails: String?
    package var status: Status
    package var approvalPolicy: ApprovalPolicy
    /// Who approves this plan's work, recorded when it is planned: under `.human` only a person
    /// decider approves or closes it, whatever server or command carries the call.
    package var approver: ApproverMode
    /// In plan order: the scheduler's tie-breaker after priority.
    package var tasks: [WorkTask]
    package var createdAt: Timestamp
    package var updatedAt: Timestamp
    package var completedAt: Timestamp?
    package var completedBy: String?
    /// Set when this request records the steps of a workflow run; plan tools leave it alone.
    package var workflowRun: WorkflowRun.ID?
    /// Marks the request that holds orchestrator-server's `create_task` tasks, so it is found by
    /// this mark and never by its text (a person's request with the same words stays theirs).
    package var holdsLooseTasks: Bool
    /// Where it was planned: the git working tree and branch of the server that planned it, so an
    /// agent working in that tree is offered it first. `nil` outside git, or planned elsewhere.
    package var origin: Origin?

    /// A git working tree (a repository's main checkout or one of its worktrees) and its branch.
    package struct Origin: Sendable, Equatable {
        package let worktree: String
        /// `nil` when HEAD is detached.
        package let branch: String?

        package init(worktree: String, branch: String?) {
            self.worktree = worktree
            self.branch = branch
        }
    }

    package init(
        id: ID, originalRequest: String, splitDetails: String?, status: Status = .active,
        approvalPolicy: ApprovalPolicy, approver: ApproverMode = .agent, tasks: [WorkTask] = [], createdAt: Timestamp,
        updatedAt: Timestamp,
        completedAt: Timestamp? = nil, completedBy: String? = nil, workflowRun: WorkflowRun.ID? = nil,
        holdsLooseTasks: Bool = false, origin: Origin? = nil
    ) {
        self.id = id
        self.originalRequest = originalRequest
        self.splitDetails = splitDetails
        self.status = status
        self.approvalPolicy = approvalPolicy
        self.approver = approver
        self.tasks = tasks
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.completedBy = completedBy
        self.workflowRun = workflowRun
        self.holdsLooseTasks = holdsLooseTasks
        self.origin = origin
    }

    /// The tasks that count: deleted ones are kept for restoring but take no part in the plan.
    package var liveTasks: [WorkTask] { tasks.filter { !$0.isDeleted } }

    /// How many tasks are not deleted, counted without copying them.
    package var liveTaskCount: Int {
        var count = 0
        for index in tasks.indices where !tasks[index].isDeleted { count += 1 }
        return count
    }

    package func taskIndex(_ id: WorkTask.ID) -> Int? {
        tasks.firstIndex { $0.id == id }
    }

    /// How many live tasks are in each status.
    package var progress: [WorkTask.Status: Int] {
        // Counted in an array by the status's place, and keyed once at the end: a thousand tasks
        // are a thousand additions, not a thousand hashes.
        let statuses = WorkTask.Status.allCases
        var counts = [Int](repeating: 0, count: statuses.count)
        for index in tasks.indices where !tasks[index].isDeleted {
            counts[statuses.firstIndex(of: tasks[index].status) ?? 0] += 1
        }
        return Dictionary(uniqueKeysWithValues: zip(statuses, counts))
    }
}
