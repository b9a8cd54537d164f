import OrchestratorCore
import Testing

/// Every (status, action) pair of the task state machine, allowed or refused with its code.
struct TransitionMatrixTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let status: WorkTask.Status
        let deleted: Bool
        let action: TaskAction
        /// `move:<status>`, `stay`, or the refusal code.
        let expected: String

        var testDescription: String {
            "\(deleted ? "deleted " : "")\(status.rawValue) + \(action.rawValue) → \(expected)"
        }
    }

    static let live: [Case] = [
        (
            WorkTask.Status.pending,
            [
                "claim": "move:in_progress", "expire_lease": "stay", "mark_done": "task_not_started",
                "approve": "task_not_done",
                "reject": "task_not_done", "update": "stay", "delete": "stay", "restore": "task_not_deleted",
                "renew_lease": "task_not_started", "import_done": "move:done",
            ]
        ),
        (
            .inProgress,
            [
                "claim": "task_already_in_progress", "expire_lease": "move:pending", "mark_done": "move:done",
                "approve": "task_not_done",
                "reject": "task_not_done", "update": "stay", "delete": "stay", "restore": "task_not_deleted",
                "renew_lease": "stay", "import_done": "task_already_in_progress",
            ]
        ),
        (
            .done,
            [
                "claim": "task_already_done", "expire_lease": "stay", "mark_done": "task_already_done",
                "approve": "move:approved",
                "reject": "move:in_progress", "update": "task_immutable", "delete": "task_immutable",
                "restore": "task_not_deleted", "renew_lease": "task_already_done", "import_done": "task_already_done",
            ]
        ),
        (
            .approved,
            [
                "claim": "task_already_approved", "expire_lease": "stay", "mark_done": "task_already_approved",
                "approve": "task_already_approved", "reject": "task_already_approved", "update": "task_immutable",
                "delete": "task_immutable", "restore": "task_not_deleted", "renew_lease": "task_already_approved",
                "import_done": "task_already_approved",
            ]
        ),
    ].flatMap { status, row in
        TaskAction.allCases.map { Case(status: status, deleted: false, action: $0, expected: row[$0.rawValue]!) }
    }

    static let deleted: [Case] = WorkTask.Status.allCases.flatMap { status in
        TaskAction.allCases.map {
            Case(status: status, deleted: true, action: $0, expected: $0 == .restore ? "stay" : "task_deleted")
        }
    }

    @Test(arguments: live + deleted)
    func theStateMachineDecides(_ pair: Case) {
        let task = WorkTask(
            id: WorkTask.ID("task-1"), title: "T", description: "D", status: pair.status,
            deletedAt: pair.deleted ? Timestamp(millisecondsSince1970: 0) : nil)
        let decision = TaskStateMachine.decide(pair.action, for: task)
        let outcome =
            switch decision {
            case .move(let status): "move:\(status.rawValue)"
            case .stay: "stay"
            case .refuse(let error): error.code
            }
        #expect(outcome == pair.expected)
    }

    @Test func theTableCoversEveryPair() {
        #expect(Self.live.count == WorkTask.Status.allCases.count * TaskAction.allCases.count)
        #expect(Set(Self.live.map { "\($0.status)/\($0.action)" }).count == Self.live.count)
    }

    @Test func everyRefusalSaysWhatToDo() {
        for pair in Self.live + Self.deleted {
            let task = WorkTask(id: WorkTask.ID("task-1"), title: "T", description: "D", status: pair.status)
            if case .refuse(let error) = TaskStateMachine.decide(pair.action, for: task) {
                #expect(error.description.contains("task-1"))
                #expect(error.description.hasSuffix("."))
            }
        }
    }
}
