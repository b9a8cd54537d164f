import Foundation
import OrchestratorJSON
import Testing

/// Everyday mistakes in workflow files and folders get a helpful answer (issue 13), through the binary.
@Suite struct WorkflowMistakeTests {
    static func broken() -> String {
        WorkflowFixtures.directory([
            "bad/index.md": "# Bad\n\n1. [One](steps/one.md)\n2. [Two](steps/two.md)\n",
            "bad/steps/one.md": """
            # Orchestrator Guidance
            Go.

            # Client Instrucions
            Do.

            # Transitions
            - failure if context.x <> 3 -> FAILED
            - success if context.y = 2 -> Two
            - changed if context.z =< 2 -> Two
            - otherwise -> Nowhere

            """,
            "bad/steps/two.md":
                "# Orchestrator Guidance\nGo.\n\n# Client Instructions\nDo.\n\n# Notes\nMine.\n\n# Transitions\n- success -> Missing\n",
        ])
    }

    @Test func everyErrorOfAWorkflowIsReportedInOneRun() throws {
        let directory = Self.broken()
        let run = try ServerProcess.run(["workflows", "validate", directory])
        #expect(run.status == 1)
        let expected = [
            "bad/steps/one.md:1: error: step 'One' has no '# Client Instructions' section",
            "bad/steps/one.md:4: error: step 'One' has an unknown section '# Client Instrucions' (a misspelling of '# Client Instructions'?)",
            "bad/steps/one.md:8: error: '<>' in the condition 'context.x <> 3' is not an operator; write != for 'not equal'",
            "bad/steps/one.md:9: error: '=' in the condition 'context.y = 2' is not an operator; write == to compare",
            "bad/steps/one.md:10: error: '=<' in the condition 'context.z =< 2' is not an operator",
            "bad/steps/one.md:11: error: the rule 'otherwise -> Nowhere' leads to 'Nowhere', which is not a step of this workflow",
            "bad/steps/two.md:7: warning: step 'Two' has an unknown section '# Notes', whose text is not read",
            "bad/steps/two.md:11: error: the rule 'success -> Missing' leads to 'Missing'",
        ]
        for line in expected { #expect(run.stdout.contains(line), "missing: \(line)\n\(run.stdout)") }
        #expect(run.stdout.contains("1 workflow in \(directory): 7 errors, 1 warning."))
    }

    @Test func validateTakesOneWorkflowsFolderAndRefusesPathsWithoutWorkflows() throws {
        let directory = Self.broken()
        let one = try ServerProcess.run(["workflows", "validate", "\(directory)/bad/"])
        #expect(
            one.status == 1 && one.stdout.contains("FAIL bad (not loadable)") && one.stdout.contains("7 errors"),
            "\(one.stdout)")
        let shipped = try ServerProcess.run(["workflows", "validate", "\(WorkflowFixtures.shipped)/commit_message"])
        #expect(shipped.status == 0 && shipped.stdout.contains("ok   commit_message"), "\(shipped.stdout)")
        let file = try ServerProcess.run(["workflows", "validate", "\(WorkflowFixtures.shipped)/README.md"])
        #expect(file.status == 64 && file.stderr.contains("README.md is a file"), "\(file.stderr)")
        let empty = TemporaryDirectory.make()
        let none = try ServerProcess.run(["workflows", "validate", empty])
        #expect(none.status == 1 && none.stderr.contains("no workflow found in \(empty)"), "\(none.stderr)")
    }

    @Test func aServerGivenOneWorkflowsFolderWarns() throws {
        let folder = "\(WorkflowFixtures.shipped)/commit_message"
        let run = try ServerProcess.run(["--state", ServerProcess.temporaryStatePath(), "--workflows", folder])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: workflows directory \(folder) is one workflow's folder"), "\(run.stderr)")
        #expect(run.stderr.contains("--workflows \(WorkflowFixtures.shipped)"))
    }

    /// A step name too long for a file name is a sentence with the path and the errno name, not a
    /// raw error dump, and leaves nothing behind.
    @Test func createWorkflowWithAStepNameTooLongForAFileSaysWhy() throws {
        let directory = TemporaryDirectory.make() + "/mine"
        let server = try LineClient(arguments: [
            "--state", ServerProcess.temporaryStatePath(), "--workflows", directory,
        ])
        let name = String(repeating: "Long ", count: 60) + "Step"
        let created = try server.call(
            "create_workflow",
            [
                "workflow_name": "long",
                "steps": [
                    ["name": .string(name), "orchestrator_guidance": "FINISH.", "client_instructions": "Do it."]
                ],
            ])
        #expect(created["structuredContent"]?["error"]?["code"] == "workflow_write_failed", "\(created)")
        let text = created["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(
            text.contains("file name too long (ENAMETOOLONG)") && text.contains("\(directory)/.long.creating-"),
            "\(text)")
        #expect(!text.contains("CocoaError") && !text.contains("Error Domain"))
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/long"))
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).isEmpty, "no staging folder left")
        #expect(server.close() == 0)
    }
}
