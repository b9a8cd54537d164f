package import OrchestratorJSON

/// Checks a value against the JSON Schema subset our tools use.
///
/// Supported keywords: `type` (a name or a list), `anyOf` (the value fits at least one branch),
/// `properties`, `required`, `additionalProperties`
/// (boolean or schema), `items`, `enum`, `const`, `minLength`, `maxLength`, `minimum`, `maximum`,
/// `minItems`, `maxItems`, `pattern` (as a Swift regular expression; ours are plain character
/// classes, read the same way in ECMA-262). The same schema is published in `tools/list` and enforced here, so what a
/// client reads and what the server checks cannot drift apart.
package enum SchemaValidator {
    /// The first violation found, in a stable order (required fields, then declared properties by
    /// name, then unexpected ones), or `nil` when the value conforms.
    package static func firstViolation(of value: JSONValue, against schema: JSONValue, path: String = "")
        -> SchemaViolation?
    {
        guard case .object(let rules) = schema else { return nil }
        if let branches = rules["anyOf"]?.arrayValue {
            let violations = branches.map { firstViolation(of: value, against: $0, path: path) }
            guard violations.contains(where: { $0 == nil }) else {
                let expected = branches.map(typeDescription).joined(separator: " or ")
                return SchemaViolation(
                    path: path, problem: "must be \(article(expected)) \(expected), not \(value.typeName)",
                    expected: expected)
            }
        }
        if let violation = checkType(value, rules, path) { return violation }
        if let allowed = rules["enum"]?.arrayValue, !allowed.contains(where: { same($0, value) }) {
            let names = allowed.map(\.description).joined(separator: ", ")
            return SchemaViolation(path: path, problem: "must be one of \(names)", expected: "one of \(names)")
        }
        if let constant = rules["const"], !same(constant, value) {
            return SchemaViolation(path: path, problem: "must be \(constant)", expected: constant.description)
        }
        switch value {
        case .string(let text): return checkString(text, rules, path)
        case .int, .double, .numberLiteral: return checkNumber(value, rules, path)
        case .array(let items): return checkArray(items, rules, path)
        case .object(let members): return checkObject(members, rules, path)
        case .null, .bool: return nil
        }
    }

    private static func checkType(_ value: JSONValue, _ rules: [String: JSONValue], _ path: String) -> SchemaViolation?
    {
        let names: [String]
        switch rules["type"] {
        case .string(let name)?: names = [name]
        case .array(let list)?: names = list.compactMap(\.stringValue)
        default: return nil
        }
        if names.contains(where: { matches(value, type: $0) }) { return nil }
        let expected = names.joined(separator: " or ")
        return SchemaViolation(
            path: path, problem: "must be \(article(expected)) \(expected), not \(value.typeName)", expected: expected)
    }

    private static func matches(_ value: JSONValue, type name: String) -> Bool {
        switch (name, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .int), ("number", .int), ("number", .double): true
        case ("integer", .double(let number)): number.rounded() == number
        default: false
        }
    }

    private static func checkString(_ text: String, _ rules: [String: JSONValue], _ path: String) -> SchemaViolation? {
        let length = text.count
        if let minimum = rules["minLength"]?.intValue, length < minimum {
            let problem = minimum == 1 ? "must not be empty" : "must be at least \(minimum) characters long"
            return SchemaViolation(path: path, problem: problem, expected: "string of at least \(minimum) characters")
        }
        if let maximum = rules["maxLength"]?.intValue, length > maximum {
            return SchemaViolation(
                path: path, problem: "must be at most \(maximum) characters long",
                expected: "string of at most \(maximum) characters")
        }
        if let pattern = rules["pattern"]?.stringValue, let regex = try? Regex(pattern),
            (try? regex.firstMatch(in: text)) == nil
        {
            return SchemaViolation(
                path: path, problem: "does not match the pattern \(pattern)", expected: "string matching \(pattern)")
        }
        return nil
    }

    private static func checkNumber(_ value: JSONValue, _ rules: [String: JSONValue], _ path: String)
        -> SchemaViolation?
    {
        let number = asDouble(value) ?? 0
        if let minimum = rules["minimum"].flatMap(asDouble), number < minimum {
            return SchemaViolation(
                path: path, problem: "must be at least \(rules["minimum"]!)", expected: "number ≥ \(rules["minimum"]!)")
        }
        if let maximum = rules["maximum"].flatMap(asDouble), number > maximum {
            return SchemaViolation(
                path: path, problem: "must be at most \(rules["maximum"]!)", expected: "number ≤ \(rules["maximum"]!)")
        }
        return nil
    }

    private static func checkArray(_ items: [JSONValue], _ rules: [String: JSONValue], _ path: String)
        -> SchemaViolation?
    {
        if let minimum = rules["minItems"]?.intValue, items.count < minimum {
            return SchemaViolation(
                path: path, problem: "must have at least \(minimum) item\(minimum == 1 ? "" : "s")",
                expected: "array of at least \(minimum)")
        }
        if let maximum = rules["maxItems"]?.intValue, items.count > maximum {
            return SchemaViolation(
                path: path, problem: "must have at most \(maximum) items", expected: "array of at most \(maximum)")
        }
        if let itemSchema = rules["items"] {
            for (index, item) in items.enumerated() {
                if let violation = firstViolation(of: item, against: itemSchema, path: "\(path)[\(index)]") {
                    return violation
                }
            }
        }
        return nil
    }

    private static func checkObject(_ members: [String: JSONValue], _ rules: [String: JSONValue], _ path: String)
        -> SchemaViolation?
    {
        let properties = rules["properties"]?.objectValue ?? [:]
        for name in rules["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            let expected = properties[name].map(typeDescription) ?? "a value"
            return SchemaViolation(path: join(path, name), problem: "is required (\(expected))", expected: expected)
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            let fieldPath = join(path, name)
            if let propertySchema = properties[name] {
                if let violation = firstViolation(of: member, against: propertySchema, path: fieldPath) {
                    return violation
                }
                continue
            }
            switch rules["additionalProperties"] {
            case .bool(false)?:
                let accepted = properties.keys.sorted().joined(separator: ", ")
                let hint = accepted.isEmpty ? "no arguments are accepted" : "accepted: \(accepted)"
                return SchemaViolation(path: fieldPath, problem: "is not a known field (\(hint))", expected: "absent")
            case let extra? where extra.objectValue != nil:
                if let violation = firstViolation(of: member, against: extra, path: fieldPath) {
                    return violation
                }
            default:
                continue
            }
        }
        return nil
    }

    /// A short human description of what a schema expects: `string`, `one of "a", "b"`, `array of string`.
    package static func typeDescription(_ schema: JSONValue) -> String {
        if let allowed = schema["enum"]?.arrayValue {
            return "one of " + allowed.map(\.description).joined(separator: ", ")
        }
        switch schema["type"] {
        case .string("array")?:
            if let items = schema["items"] { return "array of \(typeDescription(items))" }
            return "array"
        case .string(let name)?: return name
        case .array(let names)?: return names.compactMap(\.stringValue).joined(separator: " or ")
        default: return "a value"
        }
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    private static func article(_ word: String) -> String {
        guard let first = word.first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    private static func asDouble(_ value: JSONValue) -> Double? {
        value.doubleValue
    }

    /// JSON equality where `1` and `1.0` are the same number.
    private static func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): Double(a) == b
        default: lhs == rhs
        }
    }
}
