package import OrchestratorJSON

/// MCP Apps (`io.modelcontextprotocol/ui`, stable 2026-01-26): a host that declares it draws a
/// server's `ui://` HTML resources in a sandboxed frame, and keeps tools marked for the app alone
/// away from the model. Offered only to a client that declared it, with the HTML profile among its
/// `mimeTypes` (the extension requires the list); every other client sees nothing of it.
package enum AppsExtension {
    package static let identifier = "io.modelcontextprotocol/ui"
    package static let mimeType = "text/html;profile=mcp-app"

    /// Whether `capabilities` (a client's) declare the extension with the HTML profile.
    package static func isDeclared(in capabilities: JSONValue) -> Bool {
        guard case .array(let types)? = capabilities["extensions"]?[identifier]?["mimeTypes"] else { return false }
        return types.contains(.string(mimeType))
    }

    /// What the server declares back, under `capabilities.extensions`.
    package static let serverSettings: JSONValue = ["mimeTypes": [.string(mimeType)]]
}

/// How a tool appears to a host that draws apps (`_meta.ui`): the app that shows its results, and
/// who may call it.
package struct ToolUI: Sendable {
    package enum Audience: String, Sendable {
        case model, app
    }

    package let resourceURI: String
    /// `nil` leaves the extension's default: the model and the app.
    package let visibility: [Audience]?

    package init(resourceURI: String, visibility: [Audience]? = nil) {
        self.resourceURI = resourceURI
        self.visibility = visibility
    }

    /// A tool only the app may call: a host never shows it to the model, and only clients that draw
    /// apps are told of it.
    package var isAppOnly: Bool { visibility == [.app] }

    package var json: JSONValue {
        var ui: [String: JSONValue] = ["resourceUri": .string(resourceURI)]
        if let visibility { ui["visibility"] = .array(visibility.map { .string($0.rawValue) }) }
        return .object(ui)
    }
}
