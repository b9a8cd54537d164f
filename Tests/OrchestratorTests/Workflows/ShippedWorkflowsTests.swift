import OrchestratorJSON
import OrchestratorWorkflows
import Testing

/// Every workflow in `workflows/` walked through the server to FINISH and down its failure branches.
@Suite struct ShippedWorkflowsTests {
    /// One report: the step the run must be on, the outcome, and the client's choice where needed.
    struct Move: Sendable, CustomStringConvertible {
        let step: String
        let status: String
        var next: String?
        var updates: [String: JSONValue] = [:]
        var description: String { "\(step) → \(status)" }
    }

    struct Walk: Sendable, CustomTestStringConvertible {
        let workflow: String
        let name: String
        var context: [String: JSONValue] = [:]
        let moves: [Move]
        /// FINISH or FAILED.
        let end: String
        var testDescription: String { "\(workflow): \(name)" }
    }

    static func m(_ step: String, _ status: String, next: String? = nil, _ updates: [String: JSONValue] = [:]) -> Move {
        Move(step: step, status: status, next: next, updates: updates)
    }

    static let walks: [Walk] = [
        Walk(
            workflow: "refactor_with_tests", name: "green after one fix", context: ["goal": "extract a type"],
            moves: [
                m("Plan Change", "success"), m("Make Change", "done"), m("Run Tests", "failure"),
                m("Fix Failures", "done", ["fix_attempts": 1]), m("Run Tests", "success"),
                m("Commit Change", "success"),
            ], end: "FINISH"),
        Walk(
            workflow: "refactor_with_tests", name: "reverted after three fixes",
            moves: [
                m("Plan Change", "success"), m("Make Change", "done"), m("Run Tests", "failure"),
                m("Fix Failures", "done", ["fix_attempts": 1]), m("Run Tests", "failure"),
                m("Fix Failures", "done", ["fix_attempts": 2]), m("Run Tests", "failure"),
                m("Fix Failures", "done", ["fix_attempts": 3]), m("Run Tests", "failure"), m("Revert Change", "done"),
            ], end: "FAILED"),
        Walk(
            workflow: "refactor_with_tests", name: "impossible plan", moves: [m("Plan Change", "failure")],
            end: "FAILED"),
        Walk(
            workflow: "refactor_with_tests", name: "commit refused",
            moves: [
                m("Plan Change", "success"), m("Make Change", "done"), m("Run Tests", "success"),
                m("Commit Change", "failure"),
            ], end: "FAILED"),
        Walk(
            workflow: "commit_message", name: "accepted after a revision",
            moves: [
                m("Check Staged Files", "staged"), m("Read Staged Diff", "success"),
                m("Suggest Message", "success", ["message": "Add x"]),
                m("Ask For Approval", "revise", ["message": "Add x to y"]), m("Ask For Approval", "revise"),
                m("Ask For Approval", "approved"),
                m("Create Commit", "success"),
            ], end: "FINISH"),
        Walk(
            workflow: "commit_message", name: "nothing staged",
            moves: [m("Check Staged Files", "empty"), m("Nothing Staged", "success")], end: "FINISH"),
        Walk(
            workflow: "commit_message", name: "cancelled by the person",
            moves: [
                m("Check Staged Files", "staged"), m("Read Staged Diff", "success"), m("Suggest Message", "success"),
                m("Ask For Approval", "cancelled"), m("Cancelled", "success"),
            ], end: "FINISH"),
        Walk(
            workflow: "commit_message", name: "not a repository", moves: [m("Check Staged Files", "failure")],
            end: "FAILED"),
        Walk(
            workflow: "commit_message", name: "hook refuses the commit",
            moves: [
                m("Check Staged Files", "staged"), m("Read Staged Diff", "success"), m("Suggest Message", "success"),
                m("Ask For Approval", "approved"), m("Create Commit", "failure"),
            ], end: "FAILED"),
        Walk(
            workflow: "readme_freshness", name: "already fresh",
            moves: [
                m("Read README", "success", next: "Survey Code"), m("Survey Code", "success", next: "Compare"),
                m("Compare", "success", next: "FINISH"),
            ], end: "FINISH"),
        Walk(
            workflow: "readme_freshness", name: "stale, fixed after a second try",
            moves: [
                m("Read README", "success", next: "Survey Code"), m("Survey Code", "success", next: "Compare"),
                m("Compare", "success", next: "Update README"),
                m("Update README", "success", next: "Confirm With Person"),
                m("Confirm With Person", "changes", next: "Update README"),
                m("Update README", "success", next: "Confirm With Person"),
                m("Confirm With Person", "success", next: "FINISH"),
            ], end: "FINISH"),
        Walk(
            workflow: "readme_freshness", name: "no README", moves: [m("Read README", "failure", next: "FAILED")],
            end: "FAILED"),
        Walk(
            workflow: "workflow_creator", name: "created after a review and a refused draft",
            moves: [
                m("Understand The Process", "success", ["workflow_name": "triage"]),
                m("Draft Steps", "done", ["draft": ["steps": []]]),
                m("Review Draft", "changes"), m("Draft Steps", "done"), m("Review Draft", "approved"),
                m("Create Workflow", "failure"),
                m("Draft Steps", "done"), m("Review Draft", "approved"), m("Create Workflow", "success"),
            ], end: "FINISH"),
        Walk(
            workflow: "workflow_creator", name: "no process to capture",
            moves: [m("Understand The Process", "failure")], end: "FAILED"),
        Walk(
            workflow: "save_progress", name: "saved",
            moves: [
                m("Gather Progress", "success", ["progress": "half done", "progress_file": "PROGRESS.md"]),
                m("Write Progress File", "success"),
            ], end: "FINISH"),
        Walk(
            workflow: "save_progress", name: "disk keeps failing",
            moves: [
                m("Gather Progress", "success"), m("Write Progress File", "failure"),
                m("Handle Save Error", "retry", ["progress_file": "/tmp/P.md"]),
                m("Write Progress File", "failure"), m("Handle Save Error", "give_up"),
            ], end: "FAILED"),
        Walk(
            workflow: "resume_progress", name: "resumed after changes", context: ["progress_file": "PROGRESS.md"],
            moves: [
                m("Read Progress File", "found", ["progress": "next: tests"]), m("Check Against Code", "changed"),
                m("Continue Work", "success"),
            ], end: "FINISH"),
        Walk(
            workflow: "resume_progress", name: "nothing saved", moves: [m("Read Progress File", "missing")],
            end: "FAILED"),
    ]

    @Test func everyShippedWorkflowAndRoleLoadsWithoutDiagnostics() {
        let library = WorkflowLibrary(directories: [WorkflowFixtures.shipped])
        let workflows = library.workflows()
        #expect(
            workflows.map(\.name) == [
                "commit_message", "readme_freshness", "refactor_with_tests", "resume_progress", "save_progress",
                "workflow_creator",
            ])
        for workflow in workflows {
            #expect(workflow.diagnostics.isEmpty, "\(workflow.name): \(workflow.diagnostics)")
        }
        #expect(
            library.roles().map(\.name) == ["architect", "debugger", "documenter", "implementer", "reviewer", "tester"])
        let walked = Set(Self.walks.filter { $0.end == "FINISH" }.map(\.workflow))
        #expect(walked == Set(workflows.map(\.name)), "every shipped workflow has a walk to FINISH")
    }

    @Test(arguments: walks)
    func walk(_ walk: Walk) throws {
        var harness = WorkflowToolsTests.harness([WorkflowFixtures.shipped])
        let started = harness.call(
            "start_workflow", ["workflow_name": .string(walk.workflow), "context": .object(walk.context)])
        let run = try #require(started["structuredContent"]?["instance_id"]?.stringValue)
        var current = WorkflowToolsTests.step(started)
        for move in walk.moves {
            #expect(current == move.step, "before \(move)")
            let result = WorkflowToolsTests.advance(
                &harness, run, step: move.step, status: move.status, next: move.next, updates: move.updates)
            #expect(result["isError"] == nil, "\(move): \(result["content"]?[0]?["text"] ?? "")")
            current = WorkflowToolsTests.step(result)
        }
        #expect(current == walk.end)
        let status = harness.call("get_workflow_status", ["instance_id": .string(run)])
        #expect(status["structuredContent"]?["status"] == .string(walk.end == "FINISH" ? "completed" : "failed"))
        #expect(
            status["structuredContent"]?["steps_taken"]?.arrayValue?.map { $0["step"]?.stringValue ?? "" }
                == walk.moves.map(\.step))
    }
}
