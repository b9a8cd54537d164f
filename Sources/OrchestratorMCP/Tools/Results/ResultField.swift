package import OrchestratorJSON

/// One field of a tool's structured result, declared once — its name, its JSON Schema, whether every
/// result has it, and how a value is written — as `ToolArgument` is for an argument. The published
/// output schema (`ResultFields.schema`) and the result a handler builds (`ToolOutput(fields:text:)`
/// with `field(value)`) both come from the declaration, so a field's name and shape are written in
/// one place. Written into every answer (each task of a plan's table), so what builds a result is
/// inlinable: the tools' module specializes it instead of calling it generically.
package struct ResultField<Value>: DeclaredResultField, Sendable {
    package let name: String
    package let schema: JSONValue
    package let isRequired: Bool
    @usableFromInline let write: @Sendable (Value) -> JSONValue

    package init(_ name: String, schema: JSONValue, required: Bool, write: @escaping @Sendable (Value) -> JSONValue) {
        self.name = name
        self.schema = schema
        self.isRequired = required
        self.write = write
    }

    /// The same field, required or not: one result may always have what another may leave out.
    package func requiring(_ required: Bool) -> ResultField {
        ResultField(name, schema: schema, required: required, write: write)
    }

    /// The field with `value`, for a result.
    @inlinable
    package func callAsFunction(_ value: Value) -> ResultMember {
        ResultMember(name: name, value: write(value))
    }

    /// The field with `value`, or nothing when there is none (a field results may leave out).
    @inlinable
    package func callAsFunction(ifAny value: Value?) -> ResultMember? {
        value.map { ResultMember(name: name, value: write($0)) }
    }
}

/// A field and its value in one result.
package struct ResultMember: Sendable {
    package let name: String
    package let value: JSONValue

    @inlinable
    package init(name: String, value: JSONValue) {
        self.name = name
        self.value = value
    }
}

/// What the schema builder needs of a field, whatever its value type.
package protocol DeclaredResultField: Sendable {
    var name: String { get }
    var schema: JSONValue { get }
    var isRequired: Bool { get }
}

/// The kinds of field tool results have; each returns a declaration to keep beside the tool.
package enum Field {
    /// A string.
    package static func string(_ name: String, required: Bool = false, description: String? = nil)
        -> ResultField<String>
    {
        ResultField(name, schema: described(["type": "string"], description), required: required) { .string($0) }
    }

    /// An integer of at least zero.
    package static func count(_ name: String, required: Bool = false, description: String? = nil)
        -> ResultField<Int>
    {
        ResultField(name, schema: described(["type": "integer", "minimum": 0], description), required: required) {
            .int($0)
        }
    }

    /// An integer.
    package static func integer(_ name: String, required: Bool = false, description: String? = nil)
        -> ResultField<Int>
    {
        ResultField(name, schema: described(["type": "integer"], description), required: required) { .int($0) }
    }

    /// A boolean.
    package static func flag(_ name: String, required: Bool = false, description: String? = nil)
        -> ResultField<Bool>
    {
        ResultField(name, schema: described(["type": "boolean"], description), required: required) { .bool($0) }
    }

    /// One of an enumeration's raw values, from the Swift enum itself.
    package static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _: Choice.Type, required: Bool = false, description: String? = nil
    ) -> ResultField<Choice> where Choice.RawValue == String {
        let schema: JSONValue = ["type": "string", "enum": .array(Choice.allCases.map { .string($0.rawValue) })]
        return ResultField(name, schema: described(schema, description), required: required) { .string($0.rawValue) }
    }

    /// A list of strings.
    package static func strings(_ name: String, required: Bool = false, description: String? = nil)
        -> ResultField<[String]>
    {
        ResultField(
            name, schema: described(["type": "array", "items": ["type": "string"]], description), required: required
        ) { .array($0.map(JSONValue.string)) }
    }

    /// A list of values of `items`, each written by whoever declared that shape.
    package static func list(_ name: String, of items: JSONValue, required: Bool = false, description: String? = nil)
        -> ResultField<[JSONValue]>
    {
        ResultField(name, schema: described(["type": "array", "items": items], description), required: required) {
            .array($0)
        }
    }

    /// A value of `schema` (an object a view declares with the function that writes it).
    package static func value(_ name: String, _ schema: JSONValue, required: Bool = false) -> ResultField<JSONValue> {
        ResultField(name, schema: schema, required: required) { $0 }
    }

    private static func described(_ schema: JSONValue, _ description: String?) -> JSONValue {
        guard let description, case .object(var object) = schema else { return schema }
        object["description"] = .string(description)
        return .object(object)
    }
}

/// Output schemas built from field declarations.
package enum ResultFields {
    /// An object of these fields, the required ones listed in declaration order. Results are open (a
    /// client reads the fields it knows), as the protocol's output schemas usually are.
    package static func schema(_ fields: any DeclaredResultField...) -> JSONValue {
        schema(fields)
    }

    /// An object of exactly these fields: a report that promises no others.
    package static func closedSchema(_ fields: any DeclaredResultField...) -> JSONValue {
        guard case .object(var object) = schema(fields) else { return schema(fields) }
        object["additionalProperties"] = false
        return .object(object)
    }

    /// An object of declared fields inside a result (an item of a list, say); a member without a
    /// value is left out.
    @inlinable
    package static func object(_ members: [ResultMember?]) -> JSONValue {
        var object: [String: JSONValue] = [:]
        object.reserveCapacity(members.count)
        for case let member? in members { object[member.name] = member.value }
        return .object(object)
    }

    package static func schema(_ fields: [any DeclaredResultField]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in fields { properties[field.name] = field.schema }
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        let required = fields.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        return .object(schema)
    }
}
