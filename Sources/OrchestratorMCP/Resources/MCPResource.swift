package import OrchestratorJSON

/// A fixed-URI resource (`resources/list`, `resources/read`).
package protocol MCPResource: Sendable {
    var uri: String { get }
    var name: String { get }
    var title: String { get }
    var description: String { get }
    var mimeType: String { get }

    /// The text of the resource now.
    func read(environment: ServerEnvironment, context: RequestContext) throws(JSONRPCError) -> String

    /// The `_meta` its contents carry when read (an MCP App's security and display settings).
    var contentsMeta: JSONValue? { get }
}

extension MCPResource {
    package var contentsMeta: JSONValue? { nil }
}

/// A parameterised resource (`resources/templates/list`), read through URIs that match its template.
package protocol MCPResourceTemplate: Sendable {
    var template: URITemplate { get }
    var name: String { get }
    var title: String { get }
    var description: String { get }
    var mimeType: String { get }

    /// The text for the matched variables, or `nil` when no such resource exists.
    func read(_ variables: [String: String], environment: ServerEnvironment, context: RequestContext) -> String?
    /// Values for `variable` that start with `prefix`, for `completion/complete`.
    func complete(_ variable: String, prefix: String, environment: ServerEnvironment) -> [String]
}

extension MCPResource {
    package func listing(for revision: ProtocolRevision) -> JSONValue {
        var entry: [String: JSONValue] = [
            "uri": .string(uri), "name": .string(name), "description": .string(description),
            "mimeType": .string(mimeType),
        ]
        if revision.hasTitles { entry["title"] = .string(title) }
        return .object(entry)
    }
}

extension MCPResourceTemplate {
    package func listing(for revision: ProtocolRevision) -> JSONValue {
        var entry: [String: JSONValue] = [
            "uriTemplate": .string(template.text), "name": .string(name), "description": .string(description),
            "mimeType": .string(mimeType),
        ]
        if revision.hasTitles { entry["title"] = .string(title) }
        return .object(entry)
    }
}
