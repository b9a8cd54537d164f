package import OrchestratorJSON

/// One line of a step's `# Transitions` section: when it applies, and where it leads.
///
/// `success -> Run Tests`, `failure if context.attempts < 3 -> Fix Code`,
/// `if context.approved == true -> Create Commit`, `otherwise -> FAILED`.
package struct TransitionRule: Sendable, Equatable, CustomStringConvertible {
    /// Report statuses this rule accepts (any of them); empty accepts every status.
    package let outcomes: [String]
    /// Every comparison must hold; empty always holds.
    package let conditions: [ContextCondition]
    package let target: StepTarget

    package init(outcomes: [String] = [], conditions: [ContextCondition] = [], target: StepTarget) {
        self.outcomes = outcomes
        self.conditions = conditions
        self.target = target
    }

    package var isOtherwise: Bool { outcomes.isEmpty && conditions.isEmpty }

    package func matches(outcome: String, context: WorkflowContext) -> Bool {
        let outcome = outcome.lowercased()
        guard outcomes.isEmpty || outcomes.contains(where: { $0.lowercased() == outcome }) else { return false }
        return conditions.allSatisfy { $0.holds(in: context) }
    }

    /// The rule written back in the syntax it was read from.
    package var description: String {
        var when: [String] = []
        if !outcomes.isEmpty { when.append(outcomes.joined(separator: " or ")) }
        if !conditions.isEmpty { when.append("if " + conditions.map(\.description).joined(separator: " and ")) }
        return "\(isOtherwise ? "otherwise" : when.joined(separator: " ")) -> \(target)"
    }
}

/// `context.key`, `not context.key`, or `context.key <op> value`, over the run's context.
package struct ContextCondition: Sendable, Equatable, CustomStringConvertible {
    package enum Test: String, Sendable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        /// The key is set to something other than false, null, 0 or "".
        case truthy
        case falsy
    }

    /// Dotted key path below `context` (`["tests", "passed"]` for `context.tests.passed`).
    package let path: [String]
    package let test: Test
    package let value: JSONValue

    package init(path: [String], test: Test, value: JSONValue = .null) {
        self.path = path
        self.test = test
        self.value = value
    }

    package func holds(in context: WorkflowContext) -> Bool {
        let actual = context.value(at: path)
        switch test {
        case .truthy: return actual.map(Self.isTruthy) ?? false
        case .falsy: return !(actual.map(Self.isTruthy) ?? false)
        case .equal: return Self.equal(actual ?? .null, value)
        case .notEqual: return !Self.equal(actual ?? .null, value)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let left = actual.flatMap(Self.number), let right = Self.number(value) else {
                if case .string(let a)? = actual, case .string(let b) = value { return Self.order(a, b, test) }
                return false
            }
            return Self.order(left, right, test)
        }
    }

    package var description: String {
        let key = "context." + path.joined(separator: ".")
        switch test {
        case .truthy: return key
        case .falsy: return "not " + key
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let literal = if case .string(let text) = value { "\"\(text)\"" } else { value.description }
            return "\(key) \(test.rawValue) \(literal)"
        }
    }

    private static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null, .bool(false): false
        case .int(0): false
        case .double, .numberLiteral: value.doubleValue != 0
        case .string(let text): !text.isEmpty
        case .bool(true), .int, .array, .object: true
        }
    }

    private static func number(_ value: JSONValue) -> Double? {
        value.doubleValue
    }

    /// JSON equality where 3 and 3.0 are equal, and a string equals a bare word of the same text.
    private static func equal(_ left: JSONValue, _ right: JSONValue) -> Bool {
        if let a = number(left), let b = number(right) { return a == b }
        return left == right
    }

    /// An ordering test between two values; equality and truth tests are not orderings and hold
    /// here never (`holds` decides them before ever getting here).
    private static func order<Value: Comparable>(_ left: Value, _ right: Value, _ test: Test) -> Bool {
        switch test {
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        case .equal, .notEqual, .truthy, .falsy: false
        }
    }
}
