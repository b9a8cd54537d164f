import Foundation
import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// The workflow tools through the server (in process): starting, advancing by rules and by the
/// client's choice, refusals, resuming, creating, reloading, and runs kept apart from plans.
@Suite struct WorkflowToolsTests {
    static func harness(_ directories: [String]) -> ServerHarness {
        var harness = ServerHarness(
            workflowDirectories: directories, roleDirectories: directories + [WorkflowFixtures.shipped])
        harness.initialize()
        return harness
    }

    static func advance(
        _ harness: inout ServerHarness, _ run: String, step: String, status: String, next: String? = nil,
        updates: [String: JSONValue] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) -> JSONValue {
        var arguments: [String: JSONValue] = [
            "instance_id": .string(run), "report": ["step_id": .string(step), "status": .string(status)],
        ]
        if let next { arguments["next_step"] = .string(next) }
        if !updates.isEmpty { arguments["context_updates"] = .object(updates) }
        return harness.call("advance_workflow", arguments, sourceLocation: sourceLocation)
    }

    static func step(_ result: JSONValue) -> String? {
        result["structuredContent"]?["next_step"]?["step_name"]?.stringValue
    }

    @Test func aProseStyleDefinitionRunsWithTheClientsNextStepChoices() throws {
        var harness = Self.harness([WorkflowFixtures.directory(WorkflowFixtures.proseStyle)])
        let started = harness.call("start_workflow", ["workflow_name": "ANALYZE_ISSUE", "context": ["issue": "#42"]])
        let run = try #require(started["structuredContent"]?["instance_id"]?.stringValue)
        #expect(run == "run-1")
        let current = try #require(started["structuredContent"]?["current_step"])
        #expect(current["name"] == "Get Issue Content")
        #expect(current["instructions"] == "Fetch issue #42 and read it.")
        #expect(current["ruleBased"] == false)
        #expect(
            current["allowedNextSteps"] == [
                "Label As Ready", "Label As Unready", "FAILED", "Get Issue Content", "FINISH",
            ])

        let missing = Self.advance(&harness, run, step: "Get Issue Content", status: "success")
        #expect(ServerHarness.errorCode(missing) == "next_step_required")
        #expect(
            missing["content"]?[0]?["text"]?.stringValue?.contains(
                "allowed: Label As Ready, Label As Unready, FAILED, Get Issue Content, FINISH") == true)
        // The core states the facts; the tools' wording names the argument and the tool to call.
        #expect(
            missing["content"]?[0]?["text"]?.stringValue?.contains(
                "Call advance_workflow again with next_step set to one of them.") == true)
        let wrong = Self.advance(&harness, run, step: "Get Issue Content", status: "success", next: "Deploy")
        #expect(ServerHarness.errorCode(wrong) == "next_step_not_allowed")
        #expect(wrong["content"]?[0]?["text"]?.stringValue?.contains("with next_step set to one of them") == true)

        let moved = Self.advance(
            &harness, run, step: "Get Issue Content", status: "success", next: "label as unready",
            updates: ["missing": "steps to reproduce"])
        #expect(Self.step(moved) == "Label As Unready")
        #expect(
            moved["structuredContent"]?["next_step"]?["instructions"]
                == "Add the label \"needs-info\" and ask for steps to reproduce.")
        #expect(
            moved["structuredContent"]?["transition"] == [
                "from": "Get Issue Content", "outcome": "success", "to": "Label As Unready",
            ])
        let finished = Self.advance(&harness, run, step: "Label As Unready", status: "success", next: "FINISH")
        #expect(finished["structuredContent"]?["status"] == "completed")
        #expect(Self.step(finished) == "FINISH")
        #expect(
            ServerHarness.errorCode(
                Self.advance(&harness, run, step: "Label As Unready", status: "success", next: "FINISH")) == "run_ended"
        )

        // The run's steps are tasks of its own request, approved as the run moved on.
        let status = harness.call("get_workflow_status", ["instance_id": .string(run)])
        let taken = try #require(status["structuredContent"]?["steps_taken"]?.arrayValue)
        #expect(taken.map { $0["step"] } == ["Get Issue Content", "Label As Unready"])
        #expect(taken.allSatisfy { $0["status"] == "approved" })
        #expect(taken[0]["report"]?.stringValue?.hasPrefix("Outcome: success") == true)
        let requests = harness.call("list_requests")
        #expect(requests["structuredContent"]?["requests"]?[0]?["status"] == "completed")
    }

    @Test func rulesDecideTheNextStepAndRefuseAClientThatDisagrees() throws {
        var harness = Self.harness([WorkflowFixtures.shipped])
        let started = harness.call(
            "start_workflow", ["workflow_name": "refactor_with_tests", "context": ["goal": "rename Foo"]])
        let run = try #require(started["structuredContent"]?["instance_id"]?.stringValue)
        #expect(
            started["structuredContent"]?["current_step"]?["instructions"]?.stringValue?.hasPrefix(
                "The goal: rename Foo") == true)
        #expect(
            started["structuredContent"]?["current_step"]?["roleGuidance"]?.stringValue?.hasPrefix("# Architect")
                == true)
        #expect(
            ServerHarness.errorCode(Self.advance(&harness, run, step: "Run Tests", status: "success"))
                == "step_mismatch")
        let disagreeing = Self.advance(&harness, run, step: "Plan Change", status: "success", next: "Commit Change")
        #expect(ServerHarness.errorCode(disagreeing) == "next_step_disagrees")
        #expect(
            disagreeing["content"]?[0]?["text"]?.stringValue?.contains(
                "Leave next_step out of advance_workflow to follow the rules.") == true)
        #expect(
            Self.step(Self.advance(&harness, run, step: "plan change", status: "success", next: "Make Change"))
                == "Make Change")
        // The exact form: the visit's task id as step_id.
        let taskID = try #require(
            harness.call("get_workflow_status", ["instance_id": .string(run)])["structuredContent"]?["current_step"]?[
                "taskId"]?.stringValue)
        #expect(Self.step(Self.advance(&harness, run, step: taskID, status: "done")) == "Run Tests")
        let fix = Self.advance(&harness, run, step: "Run Tests", status: "failure")
        #expect(Self.step(fix) == "Fix Failures")
        #expect(fix["structuredContent"]?["current_step"]?["missingContext"] == ["fix_attempts"])
        #expect(ServerHarness.errorCode(Self.advance(&harness, run, step: taskID, status: "done")) == "step_mismatch")
    }

    @Test func aReportNoRuleMatchesIsRefusedWithTheRules() throws {
        let directory = WorkflowFixtures.directory([
            "strict/index.md": "1. [Check](steps/check.md)",
            "strict/steps/check.md":
                "# Orchestrator Guidance\nCheck.\n\n# Client Instructions\nCheck it.\n\n# Transitions\n- success -> FINISH\n- failure if context.retry -> Check\n",
        ])
        var harness = Self.harness([directory])
        let run = try #require(
            harness.call("start_workflow", ["workflow_name": "strict"])["structuredContent"]?["instance_id"]?
                .stringValue)
        let refused = Self.advance(&harness, run, step: "Check", status: "failure")
        #expect(ServerHarness.errorCode(refused) == "no_transition_matches")
        #expect(
            refused["content"]?[0]?["text"]?.stringValue?.contains(
                "success -> FINISH; failure if context.retry -> Check") == true)
        // Nothing was recorded by the refused report: the run is still on its first visit.
        #expect(
            harness.call("get_workflow_status", ["instance_id": .string(run)])["structuredContent"]?["steps_taken"]?
                .arrayValue?.count == 1)
        #expect(
            Self.step(Self.advance(&harness, run, step: "Check", status: "failure", updates: ["retry": true]))
                == "Check")
        #expect(
            harness.call("get_workflow_status", ["instance_id": .string(run)])["structuredContent"]?["current_context"]
                == ["retry": true])
        #expect(
            Self.step(Self.advance(&harness, run, step: "Check", status: "SUCCESS", updates: ["retry": .null]))
                == "FINISH")
    }

    @Test func unknownWorkflowsRunsAndBrokenDefinitionsAreRefusedClearly() throws {
        let directory = WorkflowFixtures.directory([
            "broken/index.md": "1. [Only](steps/only.md)",
            "broken/steps/only.md": "# Orchestrator Guidance\nGo.\n",
        ])
        var harness = Self.harness([directory])
        let unknown = harness.call("start_workflow", ["workflow_name": "nope"])
        #expect(ServerHarness.errorCode(unknown) == "workflow_not_found")
        #expect(unknown["content"]?[0]?["text"]?.stringValue?.contains("the loaded ones are broken") == true)
        #expect(unknown["content"]?[0]?["text"]?.stringValue?.contains("Call list_workflows to see them.") == true)
        let broken = harness.call("start_workflow", ["workflow_name": "broken"])
        #expect(ServerHarness.errorCode(broken) == "workflow_invalid")
        #expect(
            broken["content"]?[0]?["text"]?.stringValue?.contains(
                "broken/steps/only.md:1: error: step 'Only' has no '# Client Instructions' section") == true)
        #expect(
            ServerHarness.errorCode(harness.call("get_workflow_status", ["instance_id": "run-9"])) == "run_not_found")
        let missingReport = harness.call("advance_workflow", ["instance_id": "run-1"])
        #expect(missingReport["isError"] == true)
        #expect(missingReport["content"]?[0]?["text"]?.stringValue?.contains("report") == true)
        let listed = harness.call("list_workflows")
        #expect(listed["structuredContent"]?["workflows"]?[0]?["valid"] == false)
        #expect(
            listed["structuredContent"]?["workflows"]?[0]?["errors"]?[0]?.stringValue?.hasPrefix(
                "broken/steps/only.md:1: error:") == true)
    }

    @Test func argumentsWrappedInInputDataAreAccepted() throws {
        var harness = Self.harness([WorkflowFixtures.directory(WorkflowFixtures.proseStyle)])
        let started = harness.call(
            "start_workflow", ["input_data": ["workflow_name": "ANALYZE_ISSUE", "context": ["issue": "#7"]]])
        let run = try #require(started["structuredContent"]?["instance_id"]?.stringValue)
        let moved = harness.call(
            "advance_workflow",
            [
                "input_data": [
                    "instance_id": .string(run),
                    "report": ["step_id": "Get Issue Content", "status": "success", "result": ["complete": true]],
                    "next_step": "Label As Ready",
                ]
            ])
        #expect(Self.step(moved) == "Label As Ready")
        #expect(
            Self.step(harness.call("get_workflow_status", ["input_data": ["instance_id": .string(run)]]))
                == "Label As Ready")
        #expect(
            harness.call("get_next_task", ["input_data": [:]])["isError"] == true,
            "only workflow tools unwrap input_data")
    }

    @Test func resumeReconcilesAClientThatIsBehindOrAhead() throws {
        var harness = Self.harness([WorkflowFixtures.shipped])
        let run = try #require(
            harness.call("start_workflow", ["workflow_name": "commit_message"])["structuredContent"]?["instance_id"]?
                .stringValue)
        _ = Self.advance(&harness, run, step: "Check Staged Files", status: "staged")

        func resume(_ assumed: String, report: JSONValue? = nil) -> JSONValue {
            var arguments: [String: JSONValue] = [
                "instance_id": .string(run), "assumed_current_step_name": .string(assumed),
            ]
            if let report { arguments["report"] = report }
            return harness.call("resume_workflow", arguments)
        }
        let behind = resume("Check Staged Files", report: ["step_id": "Check Staged Files", "status": "staged"])
        #expect(
            behind["structuredContent"]?["reconciliation"] == [
                "assumed": "Check Staged Files", "actual": "Read Staged Diff", "relation": "behind",
                "reportApplied": false,
            ])
        #expect(Self.step(behind) == "Read Staged Diff")
        #expect(
            behind["content"]?[0]?["text"]?.stringValue?.hasPrefix(
                "The run already left 'Check Staged Files'; it is on 'Read Staged Diff'.") == true)
        let ahead = resume("Create Commit")
        #expect(ahead["structuredContent"]?["reconciliation"]?["relation"] == "ahead")
        #expect(resume("Deploy")["structuredContent"]?["reconciliation"]?["relation"] == "unknown_step")
        let inSync = resume("read staged diff", report: ["step_id": "Read Staged Diff", "status": "success"])
        #expect(inSync["structuredContent"]?["reconciliation"]?["relation"] == "in_sync")
        #expect(inSync["structuredContent"]?["reconciliation"]?["reportApplied"] == true)
        #expect(Self.step(inSync) == "Suggest Message")
        let context = harness.call(
            "resume_workflow",
            [
                "instance_id": .string(run), "assumed_current_step_name": "Suggest Message",
                "context_updates": ["message": "Fix it"],
            ])
        #expect(context["structuredContent"]?["current_context"] == ["message": "Fix it"])
        _ = Self.advance(&harness, run, step: "Suggest Message", status: "success")
        _ = Self.advance(&harness, run, step: "Ask For Approval", status: "cancelled")
        _ = Self.advance(&harness, run, step: "Cancelled", status: "success")
        #expect(resume("Cancelled")["structuredContent"]?["reconciliation"]?["relation"] == "ended")
    }

    @Test func runRequestsAreKeptApartFromPlans() throws {
        var harness = Self.harness([WorkflowFixtures.shipped])
        _ = harness.call("start_workflow", ["workflow_name": "save_progress"])
        #expect(harness.call("get_next_task")["structuredContent"]?["status"] == "no_active_requests")
        let refused = harness.call(
            "mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "x"])
        #expect(ServerHarness.errorCode(refused) == "request_belongs_to_run")
        #expect(
            ServerHarness.errorCode(
                harness.call(
                    "add_tasks_to_request", ["requestId": "req-1", "tasks": [["title": "t", "description": "d"]]]))
                == "request_belongs_to_run")
        #expect(
            harness.call("open_task_details", ["taskId": "task-1"])["structuredContent"]?["task"]?["title"]
                == "Gather Progress")
        // A planned task with a role gets the role's guidance when it is handed out.
        _ = harness.call(
            "request_planning",
            ["originalRequest": "r", "tasks": [["title": "Test it", "description": "d", "role": "tester"]]])
        let next = harness.call("get_next_task")
        #expect(next["structuredContent"]?["task"]?["title"] == "Test it")
        #expect(next["structuredContent"]?["roleGuidance"]?.stringValue?.hasPrefix("# Tester") == true)
    }

    @Test func definitionsAreReReadWhenTheirFilesChange() throws {
        let directory = WorkflowFixtures.directory(WorkflowFixtures.proseStyle)
        var harness = Self.harness([directory])
        let run = try #require(
            harness.call("start_workflow", ["workflow_name": "ANALYZE_ISSUE", "context": ["issue": "#1"]])[
                "structuredContent"]?["instance_id"]?.stringValue)
        WorkflowFixtures.write(
            [
                "ANALYZE_ISSUE/steps/get_issue_content.md": """
                # Orchestrator Guidance
                Always proceed to "Label As Ready".

                # Client Instructions
                Read issue {{context.issue}} twice.
                """
            ], under: directory)
        let status = harness.call("get_workflow_status", ["instance_id": .string(run)])
        #expect(status["structuredContent"]?["current_step"]?["instructions"] == "Read issue #1 twice.")
        #expect(
            status["structuredContent"]?["current_step"]?["allowedNextSteps"] == [
                "Label As Ready", "Get Issue Content", "FINISH", "FAILED",
            ])
        #expect(harness.call("list_workflows")["structuredContent"]?["workflows"]?.arrayValue?.count == 1)
        WorkflowFixtures.write(
            [
                "added/index.md": "1. [Only](steps/only.md)",
                "added/steps/only.md": "# Orchestrator Guidance\nFINISH.\n\n# Client Instructions\nDo.\n",
            ], under: directory)
        #expect(
            harness.call("list_workflows")["structuredContent"]?["workflows"]?.arrayValue?.map { $0["name"] } == [
                "ANALYZE_ISSUE", "added",
            ])
        #expect(harness.call("start_workflow", ["workflow_name": "added"])["isError"] == nil)
    }

    @Test func createWorkflowWritesAValidatedDefinitionThatRunsAtOnce() throws {
        let directory = TemporaryDirectory.make() + "/mine"
        var harness = Self.harness([directory])
        let steps: JSONValue = [
            [
                "name": "Draft", "orchestrator_guidance": "Then Review.",
                "client_instructions": "Draft {{context.topic}}.", "role": "documenter",
                "transitions": ["success -> Review", "otherwise -> FAILED"],
            ],
            [
                "name": "Review", "orchestrator_guidance": "Done when approved.", "client_instructions": "Review it.",
                "transitions": ["approved -> FINISH", "changes -> Draft"],
            ],
        ]
        let created = harness.call(
            "create_workflow", ["workflow_name": "write-doc", "description": "Write a document.", "steps": steps])
        #expect(created["isError"] == nil, "\(created)")
        #expect(
            created["structuredContent"]?["files"]
                == .array(
                    ["index.md", "steps/draft.md", "steps/review.md"].map { .string("\(directory)/write-doc/\($0)") }))
        let index = try String(contentsOfFile: "\(directory)/write-doc/index.md", encoding: .utf8)
        #expect(
            index
                == "# write-doc\n\nWrite a document.\n\n## Steps\n\n1. [Draft](steps/draft.md)\n2. [Review](steps/review.md)\n"
        )
        let started = harness.call("start_workflow", ["workflow_name": "write-doc", "context": ["topic": "the API"]])
        #expect(started["structuredContent"]?["current_step"]?["instructions"] == "Draft the API.")
        #expect(started["structuredContent"]?["current_step"]?["role"] == "documenter")

        let again = harness.call("create_workflow", ["workflow_name": "write-doc", "steps": steps])
        #expect(ServerHarness.errorCode(again) == "workflow_exists")
        let replaced = harness.call(
            "create_workflow", ["workflow_name": "write-doc", "steps": [steps[0]!], "overwrite": true])
        #expect(ServerHarness.errorCode(replaced) == "workflow_invalid")
        #expect(replaced["content"]?[0]?["text"]?.stringValue?.contains("write-doc/steps/draft.md:") == true)
        let single: JSONValue = [
            ["name": "Only", "orchestrator_guidance": "FINISH when done.", "client_instructions": "Do it."]
        ]
        let overwritten = harness.call(
            "create_workflow", ["workflow_name": "write-doc", "steps": single, "overwrite": true])
        #expect(overwritten["structuredContent"]?["replaced"] == true)
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/write-doc/steps/review.md"))
        #expect(harness.call("list_workflows")["structuredContent"]?["workflows"]?[0]?["steps"] == ["Only"])

        for name in ["../escape", "a/b", "", "dot.name", String(repeating: "x", count: 65)] {
            let refused = harness.call("create_workflow", ["workflow_name": .string(name), "steps": single])
            #expect(refused["isError"] == true, "\(name)")
            #expect(refused["content"]?[0]?["text"]?.stringValue?.contains("workflow_name") == true)
            #expect(
                refused["content"]?[0]?["text"]?.stringValue?.contains(
                    "does not match the pattern ^[A-Za-z0-9_-]{1,64}$") == true, "\(refused)")
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(entries == ["write-doc"], "nothing but the workflow, no staging folders")
    }

    @Test func workflowsArePromptsAndResourcesWithCompletedNames() throws {
        var harness = Self.harness([WorkflowFixtures.shipped])
        let prompts =
            harness.request("prompts/list")["result"]?["prompts"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            ?? []
        #expect(
            prompts == [
                "getting_started", "commit_message", "readme_freshness", "refactor_with_tests", "resume_progress",
                "save_progress", "workflow_creator",
            ])
        let prompt = harness.request(
            "prompts/get", params: ["name": "refactor_with_tests", "arguments": ["goal": "split main.swift"]])
        let text = try #require(prompt["result"]?["messages"]?[0]?["content"]?["text"]?.stringValue)
        #expect(
            text.contains(
                #"start_workflow with {"context":{"goal":"split main.swift"},"workflow_name":"refactor_with_tests"}"#))
        #expect(text.contains("3. Run Tests — Find out whether the change keeps every test passing."))

        let resources =
            harness.request("resources/list")["result"]?["resources"]?.arrayValue?.compactMap { $0["uri"]?.stringValue }
            ?? []
        #expect(resources.contains("orchestrator://workflows/commit_message"))
        let document = harness.request("resources/read", params: ["uri": "orchestrator://workflows/commit_message"])
        let markdown = try #require(document["result"]?["contents"]?[0]?["text"]?.stringValue)
        #expect(markdown.hasPrefix("# Commit message suggester"))
        #expect(markdown.contains("- revise -> Ask For Approval"))
        let completion = harness.request(
            "completion/complete",
            params: [
                "ref": ["type": "ref/resource", "uri": "orchestrator://workflows/{name}"],
                "argument": ["name": "name", "value": "re"],
            ])
        #expect(
            completion["result"]?["completion"]?["values"] == [
                "readme_freshness", "refactor_with_tests", "resume_progress",
            ])
    }
}
