internal import OrchestratorBoardPage
package import OrchestratorJSON
package import OrchestratorMCP

/// The board as an MCP App (`ui://mcp-orchestrator/board`): the board's own page, drawn by the host
/// inside the conversation. Offered only to clients that draw apps.
package struct BoardAppResource: MCPResource {
    package static let address = "ui://mcp-orchestrator/board"
    package let uri = Self.address
    package let name = "board"
    package let title = "Plans and approvals"
    package let description =
        "The board inside the conversation: every plan live, and Approve and Reject for the person."
    package let mimeType = AppsExtension.mimeType

    package init() {}

    package func read(environment: ServerEnvironment, context: RequestContext) throws(JSONRPCError) -> String {
        BoardPage.appDocument
    }

    /// No outside origin at all: the page loads nothing and talks only to its host, so every list of
    /// the extension's CSP stays empty and the host applies its restrictive default.
    package var contentsMeta: JSONValue? {
        [
            "ui": [
                "csp": ["connectDomains": [], "resourceDomains": [], "frameDomains": [], "baseUriDomains": []],
                "prefersBorder": true,
            ]
        ]
    }
}

extension ToolUI {
    /// Shown with the board; the model may call it too.
    static let board = ToolUI(resourceURI: BoardAppResource.address)
    /// Called only by the board's page, never shown to the model.
    static let boardOnly = ToolUI(resourceURI: BoardAppResource.address, visibility: [.app])
}

extension ToolInvocation {
    /// Who decides through the app: the person at the host (its client name), and the token's name
    /// when the connection is authenticated.
    var appPerson: String {
        let host = context.clientInfo?.name ?? "the client"
        return "person via \(host) app" + (context.authenticated.map { " (\($0.name))" } ?? "")
    }
}
