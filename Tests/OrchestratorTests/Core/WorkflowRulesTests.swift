import OrchestratorCore
import OrchestratorJSON
import Testing

/// Transition conditions and `{{context.key}}` rendering, on values alone.
@Suite struct WorkflowRulesTests {
    static let context = WorkflowContext([
        "attempts": 2, "ratio": 0.5, "name": "alpha", "empty": "", "zero": 0, "flag": false, "nothing": .null,
        "tests": ["passed": true, "count": 12], "list": [1, 2],
    ])

    struct Case: Sendable, CustomTestStringConvertible {
        let condition: ContextCondition
        let holds: Bool
        var testDescription: String { "\(condition) is \(holds)" }
    }

    static func c(_ path: String, _ test: ContextCondition.Test, _ value: JSONValue = .null, _ holds: Bool) -> Case {
        Case(
            condition: ContextCondition(path: path.split(separator: ".").map(String.init), test: test, value: value),
            holds: holds)
    }

    @Test(arguments: [
        c("attempts", .less, 3, true), c("attempts", .lessOrEqual, 2, true), c("attempts", .greater, 2, false),
        c("attempts", .equal, 2.0, true), c("ratio", .greaterOrEqual, 0.5, true), c("attempts", .notEqual, 2, false),
        c("name", .equal, "alpha", true), c("name", .less, "beta", true), c("name", .greater, 1, false),
        c("missing", .less, 3, false), c("missing", .equal, .null, true), c("missing", .notEqual, 1, true),
        c("tests.passed", .equal, true, true), c("tests.count", .greater, 10, true),
        c("tests.absent", .truthy, .null, false),
        c("name", .truthy, .null, true), c("empty", .truthy, .null, false), c("zero", .truthy, .null, false),
        c("flag", .truthy, .null, false), c("nothing", .truthy, .null, false), c("list", .truthy, .null, true),
        c("flag", .falsy, .null, true), c("missing", .falsy, .null, true), c("attempts", .falsy, .null, false),
    ])
    func conditionsCompareNumbersAsNumbersAndTreatMissingKeysAsUnset(_ test: Case) {
        #expect(test.condition.holds(in: Self.context) == test.holds)
    }

    @Test func rulesMatchOutcomesWithoutRegardToCaseAndNeedEveryCondition() {
        let rule = TransitionRule(
            outcomes: ["failure", "blocked"], conditions: [ContextCondition(path: ["attempts"], test: .less, value: 3)],
            target: .step("Retry"))
        #expect(rule.matches(outcome: "FAILURE", context: Self.context))
        #expect(rule.matches(outcome: "blocked", context: Self.context))
        #expect(!rule.matches(outcome: "success", context: Self.context))
        #expect(!rule.matches(outcome: "failure", context: WorkflowContext(["attempts": 3])))
        #expect(rule.description == "failure or blocked if context.attempts < 3 -> Retry")
        #expect(TransitionRule(target: .finish).description == "otherwise -> FINISH")
    }

    @Test func renderingFillsKnownKeysAsTextAndLeavesUnknownOnesVisible() {
        let rendered = Self.context.render(
            "{{context.name}} ran {{ context.tests.count }} tests: {{context.tests}}; {{context.later}} {{context.later}} {{file:x.md}} {{unclosed"
        )
        #expect(
            rendered.text
                == #"alpha ran 12 tests: {"count":12,"passed":true}; {{context.later}} {{context.later}} {{file:x.md}} {{unclosed"#
        )
        #expect(rendered.missing == ["later"])
        // A value that looks like a placeholder is inserted as text, never expanded again.
        #expect(WorkflowContext(["a": "{{context.b}}", "b": "secret"]).render("{{context.a}}").text == "{{context.b}}")
    }

    @Test func contextUpdatesSetKeysAndNullRemovesThem() {
        var context = Self.context
        context.merge(["name": "beta", "attempts": .null, "new": [1]])
        #expect(context.values["name"] == "beta")
        #expect(context.values["attempts"] == nil)
        #expect(context.values["new"] == [1])
    }
}
