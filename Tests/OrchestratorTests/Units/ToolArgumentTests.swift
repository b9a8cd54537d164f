import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// Tool arguments are declared once (issue 14): the published input schema and the values a handler
/// reads both come from the declaration.
@Suite struct ToolArgumentTests {
    enum Colour: String, CaseIterable, Sendable { case red, green }

    static let name = Argument.string("name")
    static let note = Argument.optionalString("note", Argument.text(description: "Why."))
    static let colour = Argument.choice("colour", Colour.self)
    static let tags = Argument.strings("tags")
    static let force = Argument.flag("force")

    @Test func theSchemaIsBuiltFromTheDeclarations() {
        #expect(
            ToolArguments.schema(Self.name, Self.note, Self.colour, Self.tags, Self.force) == [
                "type": "object",
                "properties": [
                    "name": ["type": "string", "minLength": 1],
                    "note": ["type": "string", "minLength": 1, "description": "Why."],
                    "colour": ["type": "string", "enum": ["red", "green"]],
                    "tags": ["type": "array", "items": ["type": "string", "minLength": 1]],
                    "force": ["type": "boolean"],
                ],
                "required": ["name"],
                "additionalProperties": false,
            ])
        #expect(ToolArguments.schema(Self.note.requiring(true))["required"] == ["note"])
        #expect(ToolArguments.schema() == ["type": "object", "properties": [:], "additionalProperties": false])
    }

    @Test func valuesAreReadTypedFromTheSameDeclarations() {
        let arguments: [String: JSONValue] = ["name": "n", "colour": "green", "tags": ["a", "b"], "force": true]
        #expect(Self.name.value(in: arguments) == "n")
        #expect(Self.note.value(in: arguments) == nil)
        #expect(Self.colour.value(in: arguments) == .green)
        #expect(Self.tags.value(in: arguments) == ["a", "b"])
        #expect(Self.force.value(in: arguments) && !Self.force.value(in: [:]))
    }

    /// Every shipped tool publishes exactly what `ToolArguments.schema` builds: an object of declared
    /// properties, no others, the required ones among them.
    @Test func everyShippedToolsInputSchemaHasTheDeclaredShape() throws {
        for tool in ShippedTools.all {
            let schema = try #require(tool.inputSchema.objectValue, "\(tool.name)")
            #expect(
                Set(schema.keys).isSubset(of: ["type", "properties", "required", "additionalProperties"]),
                "\(tool.name)")
            #expect(schema["type"] == "object" && schema["additionalProperties"] == false, "\(tool.name)")
            let properties = try #require(schema["properties"]?.objectValue, "\(tool.name)")
            for required in schema["required"]?.arrayValue ?? [] {
                #expect(properties[required.stringValue ?? ""] != nil, "\(tool.name): \(required)")
            }
        }
    }
}
