import OrchestratorCore
import OrchestratorJSON
import OrchestratorWorkflows
import Testing

/// The Markdown workflow format, read from inline files: every error names its file and line
/// and says how to fix it.
@Suite struct WorkflowParserTests {
    static func step(guidance: String = "Go on.", instructions: String = "Do it.", extra: String = "") -> String {
        "# Goal\nA goal.\n\n# Orchestrator Guidance\n\(guidance)\n\n# Client Instructions\n\(instructions)\n\(extra)"
    }

    static let index = """
        # Demo

        A small demo workflow.

        ## Steps

        1. [Edit Code](steps/edit.md)
        2. [Run Tests](steps/test.md)
        """

    func parse(_ files: [String: String]) -> WorkflowParser.Result {
        WorkflowParser.parse(name: "demo", files: InMemoryWorkflowFiles(files))
    }

    func only(_ result: WorkflowParser.Result) -> WorkflowDiagnostic? {
        #expect(result.diagnostics.count == 1, Comment(rawValue: "\(result.diagnostics)"))
        return result.diagnostics.first
    }

    @Test func aCompleteDefinitionLoadsWithRulesRolesIncludesAndMentions() throws {
        let result = parse([
            "index.md": Self.index,
            "steps/edit.md": Self.step(
                guidance: "When the change is made, go to Run Tests.", instructions: "{{file:../shared/edit.md}}",
                extra: "\n# Role\nimplementer\n"),
            "shared/edit.md": "Change {{context.target}}.\nKeep it small.",
            "steps/test.md": Self.step(
                extra: """

                    # Transitions
                    - success -> FINISH
                    - failure if context.attempts < 3 -> Edit Code
                    - otherwise → FAILED
                    """),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let definition = try #require(result.definition)
        #expect(definition.title == "Demo")
        #expect(definition.description == "A small demo workflow.")
        #expect(definition.steps.map(\.name) == ["Edit Code", "Run Tests"])
        let edit = definition.steps[0]
        #expect(edit.clientInstructions == "Change {{context.target}}.\nKeep it small.")
        #expect(edit.role == "implementer")
        #expect(edit.goal == "A goal.")
        #expect(edit.mentions == [.step("Run Tests")])
        #expect(edit.allowedTargets == [.step("Run Tests"), .step("Edit Code"), .finish, .failed])
        let test = definition.steps[1]
        #expect(
            test.transitions.map(\.description) == [
                "success -> FINISH", "failure if context.attempts < 3 -> Edit Code", "otherwise -> FAILED",
            ])
        #expect(Set(result.readPaths) == ["index.md", "steps/edit.md", "shared/edit.md", "steps/test.md"])
    }

    @Test func aMissingSectionIsAnErrorAtTheTopOfTheStepFile() {
        let result = parse([
            "index.md": "1. [Only](steps/only.md)", "steps/only.md": "# Orchestrator Guidance\nFinish.\n",
        ])
        let diagnostic = only(result)
        #expect(result.definition == nil)
        #expect(
            diagnostic?.description
                == "steps/only.md:1: error: step 'Only' has no '# Client Instructions' section. Fix: add a '# Client Instructions' heading with what the client should do in this step"
        )
    }

    @Test func anEmptyOrRepeatedSectionIsAnError() {
        let empty = only(
            parse([
                "index.md": "1. [Only](steps/only.md)",
                "steps/only.md": "# Orchestrator Guidance\n\n# Client Instructions\nDo.\n",
            ]))
        #expect(empty?.line == 1)
        #expect(empty?.message.contains("is empty") == true)
        let twice = only(
            parse([
                "index.md": "1. [Only](steps/only.md)",
                "steps/only.md": Self.step() + "\n# Client Instructions\nAgain.\n",
            ]))
        #expect(twice?.line == 10)
        #expect(twice?.message.contains("second '# Client Instructions'") == true)
    }

    @Test func anUnknownTargetIsAnErrorAtTheRuleLine() {
        let result = parse([
            "index.md": "- [Only](steps/only.md)",
            "steps/only.md": Self.step(extra: "\n# Transitions\nsuccess -> Deploy\n"),
        ])
        let diagnostic = only(result)
        #expect(diagnostic?.location == "steps/only.md:11")
        #expect(
            diagnostic?.message
                == "the rule 'success -> Deploy' leads to 'Deploy', which is not a step of this workflow")
        #expect(diagnostic?.fixIt == "use one of Only, FINISH or FAILED, spelled as in index.md")
    }

    @Test func aDuplicateStepIsAnErrorAtItsSecondListing() {
        let diagnostic = only(
            parse([
                "index.md": "# D\n\n1. [Edit Code](steps/edit.md)\n2. [edit code](steps/edit.md)",
                "steps/edit.md": Self.step(),
            ]))
        #expect(diagnostic?.location == "index.md:4")
        #expect(diagnostic?.message == "step 'edit code' is listed twice (first at index.md:3)")
    }

    @Test func anIncludeCycleIsNamedWithItsChain() {
        let result = parse([
            "index.md": "1. [Only](steps/only.md)",
            "steps/only.md": Self.step(instructions: "{{file:a.md}}"),
            "steps/a.md": "A\n{{file:b.md}}",
            "steps/b.md": "B\n{{file: a.md }}",
        ])
        let diagnostic = only(result)
        #expect(diagnostic?.location == "steps/b.md:2")
        #expect(diagnostic?.message == "the include of 'a.md' forms a cycle: steps/a.md → steps/b.md → steps/a.md")
    }

    @Test func includesThatNestTooDeepLeaveTheFolderOrAreMissingAreErrors() {
        var files = [
            "index.md": "1. [Only](steps/only.md)", "steps/only.md": Self.step(instructions: "{{file:n0.md}}"),
        ]
        for depth in 0..<12 { files["steps/n\(depth).md"] = "level \(depth)\n{{file:n\(depth + 1).md}}" }
        files["steps/n12.md"] = "bottom"
        #expect(only(parse(files))?.message.hasPrefix("includes nest deeper than 8 files") == true)
        let outside = only(
            parse([
                "index.md": "1. [Only](steps/only.md)",
                "steps/only.md": Self.step(instructions: "{{file:../../etc/passwd}}"),
            ]))
        #expect(outside?.message == "the include '../../etc/passwd' points outside the workflow folder")
        let missing = only(
            parse([
                "index.md": "1. [Only](steps/only.md)", "steps/only.md": Self.step(instructions: "{{file:gone.md}}"),
            ]))
        #expect(
            missing?.description
                == "steps/only.md:8: error: the included file 'steps/gone.md' does not exist. Fix: create steps/gone.md, or correct the path (it is relative to steps/only.md)"
        )
    }

    @Test(arguments: [
        ("success Run Tests", "the rule 'success Run Tests' has no arrow"),
        ("success ->", "the rule 'success ->' names no target after the arrow"),
        ("-> FINISH", "the rule '-> FINISH' has nothing before the arrow"),
        ("tests pass -> FINISH", "'tests pass' in the rule 'tests pass -> FINISH' is not an outcome word"),
        ("if attempts < 3 -> FINISH", "'attempts' is not a context key"),
        ("if context.attempts < -> FINISH", "the condition 'context.attempts <' has no value after <"),
    ])
    func aBadRuleIsAnErrorAtItsLineWithTheSyntax(rule: String, message: String) {
        let diagnostic = only(
            parse([
                "index.md": "1. [Only](steps/only.md)",
                "steps/only.md": Self.step(extra: "\n# Transitions\n\n- \(rule)\n"),
            ]))
        #expect(diagnostic?.location == "steps/only.md:12")
        #expect(diagnostic?.message == message)
        #expect(diagnostic?.fixIt.isEmpty == false)
    }

    @Test func anUnreachableStepIsAWarningAndTheWorkflowStillLoads() {
        let result = parse([
            "index.md": Self.index + "\n3. [Cleanup](steps/cleanup.md)",
            "steps/edit.md": Self.step(guidance: "Then Run Tests."),
            "steps/test.md": Self.step(guidance: "Finish when green."),
            "steps/cleanup.md": Self.step(),
        ])
        #expect(result.definition != nil)
        let diagnostic = only(result)
        #expect(diagnostic?.severity == .warning)
        #expect(
            diagnostic?.description
                == "index.md:9: warning: step 'Cleanup' cannot be reached from the first step 'Edit Code'. Fix: add a transition to it, name it in the guidance of a step that should lead there, or remove it"
        )
    }

    @Test func missingFilesAndEmptyIndexesAreErrors() {
        #expect(only(parse([:]))?.description.hasPrefix("index.md:1: error: the workflow has no index.md") == true)
        #expect(only(parse(["index.md": "# Nothing here\n"]))?.message == "index.md lists no steps")
        let gone = only(parse(["index.md": "\n- [Gone](steps/gone.md)"]))
        #expect(gone?.location == "index.md:2")
        #expect(gone?.message == "the file 'steps/gone.md' of step 'Gone' does not exist")
        #expect(
            only(parse(["index.md": "- [Out](../other/step.md)"]))?.message
                == "the link of step 'Out' points outside the workflow folder ('../other/step.md')")
    }

    @Test func longerStepNamesWinWhereNamesOverlap() throws {
        let result = parse([
            "index.md": "1. [Review](steps/r.md)\n2. [Commit](steps/c.md)\n3. [Create Commit](steps/cc.md)",
            "steps/r.md": Self.step(
                guidance:
                    "If approved, proceed to \"Create\n  Commit\"; if the FINISH line is near, stop. Committed is not a step."
            ),
            "steps/c.md": Self.step(guidance: "Go to Review."),
            "steps/cc.md": Self.step(guidance: "Then Commit."),
        ])
        let definition = try #require(result.definition)
        #expect(definition.steps[0].mentions == [.step("Create Commit"), .finish])
    }
}

extension WorkflowDiagnostic {
    var location: String { "\(file):\(line)" }
}
