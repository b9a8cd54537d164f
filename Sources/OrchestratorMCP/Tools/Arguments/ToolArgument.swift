package import OrchestratorJSON

/// One argument of a tool, declared once — its name, its JSON Schema, whether it is required and how
/// its value is read — as swift-argument-parser's `@Option` is both the help and the parsed value.
/// The published input schema (`ToolArguments.schema`) and what a handler reads
/// (`invocation[argument]`) both come from the declaration, so a field's name, type and constraints
/// are written in one place, and a refusal of the schema names the field as declared.
package struct ToolArgument<Value>: DeclaredArgument, Sendable {
    package let name: String
    package let schema: JSONValue
    package let isRequired: Bool
    private let read: @Sendable (JSONValue?) -> Value

    package init(_ name: String, schema: JSONValue, required: Bool, read: @escaping @Sendable (JSONValue?) -> Value) {
        self.name = name
        self.schema = schema
        self.isRequired = required
        self.read = read
    }

    /// The same argument, required or not: one tool may need what another takes optionally.
    package func requiring(_ required: Bool) -> ToolArgument {
        ToolArgument(name, schema: schema, required: required, read: read)
    }

    /// The argument's value in checked arguments (the schema has already held).
    package func value(in arguments: [String: JSONValue]) -> Value { read(arguments[name]) }
}

/// What the schema builder needs of an argument, whatever its value type.
package protocol DeclaredArgument: Sendable {
    var name: String { get }
    var schema: JSONValue { get }
    var isRequired: Bool { get }
}

/// The kinds of argument the tools take; each returns a declaration to keep in the tool.
package enum Argument {
    /// A non-empty string (or the given schema), required.
    package static func string(_ name: String, _ schema: JSONValue = Argument.text) -> ToolArgument<String> {
        ToolArgument(name, schema: schema, required: true) { $0?.stringValue ?? "" }
    }

    /// A non-empty string (or the given schema) that may be left out.
    package static func optionalString(_ name: String, _ schema: JSONValue = Argument.text) -> ToolArgument<String?> {
        ToolArgument(name, schema: schema, required: false) { $0?.stringValue }
    }

    /// One of an enumeration's raw values, from the Swift enum itself; may be left out.
    package static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _: Choice.Type, description: String? = nil
    ) -> ToolArgument<Choice?> where Choice.RawValue == String {
        var schema: [String: JSONValue] = [
            "type": "string", "enum": .array(Choice.allCases.map { .string($0.rawValue) }),
        ]
        schema["description"] = description.map(JSONValue.string)
        return ToolArgument(name, schema: .object(schema), required: false) { $0?.stringValue.flatMap(Choice.init) }
    }

    /// One of an enumeration's raw values, required.
    package static func requiredChoice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _: Choice.Type, description: String? = nil
    ) -> ToolArgument<Choice?> where Choice.RawValue == String {
        let optional = choice(name, Choice.self, description: description)
        return ToolArgument(name, schema: optional.schema, required: true) { $0?.stringValue.flatMap(Choice.init) }
    }

    /// A JSON object (context-shaped), empty when left out.
    package static func object(
        _ name: String, _ schema: JSONValue = ["type": "object"], required: Bool = false
    ) -> ToolArgument<[String: JSONValue]> {
        ToolArgument(name, schema: schema, required: required) { $0?.objectValue ?? [:] }
    }

    /// A JSON array, empty when left out.
    package static func list(_ name: String, _ schema: JSONValue, required: Bool = false) -> ToolArgument<[JSONValue]> {
        ToolArgument(name, schema: schema, required: required) { $0?.arrayValue ?? [] }
    }

    /// An array of strings, empty when left out.
    package static func strings(
        _ name: String, _ schema: JSONValue = ["type": "array", "items": Argument.text], required: Bool = false
    ) -> ToolArgument<[String]> {
        ToolArgument(name, schema: schema, required: required) { ($0?.arrayValue ?? []).compactMap(\.stringValue) }
    }

    /// A boolean, false when left out.
    package static func flag(_ name: String, description: String? = nil) -> ToolArgument<Bool> {
        var schema: [String: JSONValue] = ["type": "boolean"]
        schema["description"] = description.map(JSONValue.string)
        return ToolArgument(name, schema: .object(schema), required: false) { $0?.boolValue ?? false }
    }

    /// Any value of the given schema, as sent (`nil` when left out).
    package static func value(_ name: String, _ schema: JSONValue, required: Bool = false) -> ToolArgument<JSONValue?> {
        ToolArgument(name, schema: schema, required: required) { $0 }
    }

    /// The schema of a non-empty string, with a description when given.
    package static func text(description: String) -> JSONValue {
        ["type": "string", "minLength": 1, "description": .string(description)]
    }

    package static let text: JSONValue = ["type": "string", "minLength": 1]

    /// How long a call may wait for what it is after, up to `maximumWaitSeconds`; 0 when left out.
    package static let waitSeconds = ToolArgument<Int>(
        "waitSeconds",
        schema: [
            "type": "integer", "minimum": 0, "maximum": .int(maximumWaitSeconds),
        ],
        required: false
    ) { $0?.intValue ?? 0 }

    /// Below the 60 seconds many clients allow a call.
    package static let maximumWaitSeconds = 50
}

/// Input schemas built from argument declarations.
package enum ToolArguments {
    /// An object of exactly these arguments (no others), the required ones listed in declaration order.
    package static func schema(_ arguments: any DeclaredArgument...) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for argument in arguments { properties[argument.name] = argument.schema }
        var schema: [String: JSONValue] = [
            "type": "object", "properties": .object(properties), "additionalProperties": false,
        ]
        let required = arguments.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        return .object(schema)
    }
}
