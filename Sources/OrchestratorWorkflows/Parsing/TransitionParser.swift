internal import OrchestratorCore
internal import OrchestratorJSON

/// Reads one line of a `# Transitions` section:
///
///     - success -> Run Tests
///     - failure if context.attempts < 3 -> Fix The Code
///     - if context.approved == true -> Create Commit
///     - otherwise -> FAILED
///
/// The part before the arrow (`->` or `→`) is `otherwise`, one or more outcomes joined by `or`, an
/// `if` followed by conditions joined by `and`, or outcomes then `if` and conditions. A condition is
/// `context.KEY`, `not context.KEY`, or `context.KEY OP VALUE` with OP one of `== != < <= > >=` and
/// VALUE a number, `true`, `false`, `null`, a quoted string or a bare word.
enum TransitionParser {
    struct Failure: Error {
        let message: String
        let fixIt: String
    }

    static let example = "success -> Run Tests, failure if context.attempts < 3 -> Fix Code, otherwise -> FAILED"

    /// `nil` for lines that hold no rule (blank lines and HTML comments).
    static func parse(_ line: String) throws(Failure) -> TransitionRule? {
        var text = line.trimmingBlanks
        if text.isEmpty || (text.hasPrefix("<!--") && text.hasSuffix("-->")) { return nil }
        if let item = IndexParser.listItem(text) { text = String(item).trimmingBlanks }
        guard let arrow = text.firstRange(of: "->") ?? text.firstRange(of: "→") else {
            throw Failure(
                message: "the rule '\(text)' has no arrow",
                fixIt: "write one rule per line as WHEN -> TARGET, e.g. \(example)")
        }
        let when = text[..<arrow.lowerBound].trimmingBlanks
        let target = Self.target(String(text[arrow.upperBound...]))
        guard !target.isEmpty else {
            throw Failure(
                message: "the rule '\(text)' names no target after the arrow",
                fixIt: "name a step from index.md, FINISH or FAILED after the arrow")
        }
        let lowered = when.lowercased()
        if lowered == "otherwise" || lowered == "always" || lowered == "else" {
            return TransitionRule(target: StepTarget(target))
        }
        guard !when.isEmpty else {
            throw Failure(
                message: "the rule '\(text)' has nothing before the arrow",
                fixIt: "start it with an outcome (success), a condition (if context.done), or otherwise")
        }
        var outcomePart = when
        var conditionPart: String?
        if lowered.hasPrefix("if ") || lowered.hasPrefix("when ") {
            outcomePart = ""
            conditionPart = String(when.drop { $0 != " " })
        } else if let split = when.firstRange(of: " if ") ?? when.firstRange(of: " when ") {
            outcomePart = String(when[..<split.lowerBound])
            conditionPart = String(when[split.upperBound...])
        }
        let outcomes = try outcomePart.isEmpty ? [] : Self.outcomes(outcomePart, rule: text)
        let conditions = try conditionPart.map { (part: String) throws(Failure) in try Self.conditions(part) } ?? []
        return TransitionRule(outcomes: outcomes, conditions: conditions, target: StepTarget(target))
    }

    private static func target(_ text: String) -> String {
        var target = text.trimmingBlanks
        if target.hasPrefix("["), let close = target.firstIndex(of: "]") {
            target = String(target[target.index(after: target.startIndex)..<close])
        }
        for quote in ["`", "\"", "'", "**"]
        where target.hasPrefix(quote) && target.hasSuffix(quote) && target.count >= 2 * quote.count {
            target = String(target.dropFirst(quote.count).dropLast(quote.count))
        }
        return target.trimmingBlanks
    }

    private static func outcomes(_ text: String, rule: String) throws(Failure) -> [String] {
        let words = text.replacing(",", with: " or ").split(separator: " or ", omittingEmptySubsequences: false).map(
            String.init
        ).map(\.trimmingBlanks).filter { !$0.isEmpty }
        for word in words where !word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
            throw Failure(
                message: "'\(word)' in the rule '\(rule)' is not an outcome word",
                fixIt:
                    "outcomes are single words such as success or needs_changes, joined by 'or'; put conditions after 'if'"
            )
        }
        return words
    }

    private static func conditions(_ text: String) throws(Failure) -> [ContextCondition] {
        var result: [ContextCondition] = []
        for part in text.split(separator: " and ", omittingEmptySubsequences: false).map(String.init) {
            result.append(try condition(part.trimmingBlanks))
        }
        return result
    }

    private static let operators: [(String, ContextCondition.Test)] = [
        ("==", .equal), ("!=", .notEqual), ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("<", .less), (">", .greater),
    ]
    private static let operatorCharacters: Set<Character> = ["=", "!", "<", ">"]

    private static func condition(_ text: String) throws(Failure) -> ContextCondition {
        let fixIt =
            "write a condition as context.KEY, not context.KEY, or context.KEY OP VALUE with OP one of == != < <= > >=, e.g. if context.attempts < 3"
        if text.lowercased().hasPrefix("not ") {
            return ContextCondition(
                path: try path(String(text.dropFirst(4)).trimmingBlanks, fixIt: fixIt), test: .falsy)
        }
        // The operator is the whole run of =!<> characters after the key: `<>` or a single `=` is
        // refused, never read as a shorter operator with the rest taken as the value.
        guard let start = text.firstIndex(where: operatorCharacters.contains) else {
            return ContextCondition(path: try path(text, fixIt: fixIt), test: .truthy)
        }
        let end = text[start...].firstIndex { !operatorCharacters.contains($0) } ?? text.endIndex
        let symbol = String(text[start..<end])
        guard let test = operators.first(where: { $0.0 == symbol })?.1 else {
            let hint = symbol == "=" ? "; write == to compare" : symbol == "<>" ? "; write != for 'not equal'" : ""
            throw Failure(message: "'\(symbol)' in the condition '\(text)' is not an operator\(hint)", fixIt: fixIt)
        }
        let key = try path(text[..<start].trimmingBlanks, fixIt: fixIt)
        let literal = text[end...].trimmingBlanks
        guard !literal.isEmpty else {
            throw Failure(message: "the condition '\(text)' has no value after \(symbol)", fixIt: fixIt)
        }
        return ContextCondition(path: key, test: test, value: value(literal))
    }

    private static func path(_ text: String, fixIt: String) throws(Failure) -> [String] {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == "context",
            parts.dropFirst().allSatisfy({
                !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            })
        else { throw Failure(message: "'\(text)' is not a context key", fixIt: fixIt) }
        return Array(parts.dropFirst())
    }

    private static func value(_ literal: String) -> JSONValue {
        if literal.hasPrefix("'"), literal.hasSuffix("'"), literal.count >= 2 {
            return .string(String(literal.dropFirst().dropLast()))
        }
        if let parsed = try? JSONParser.parse(literal), !(parsed.objectValue != nil || parsed.arrayValue != nil) {
            return parsed
        }
        return .string(literal)
    }
}
