package import OrchestratorBoard
package import OrchestratorHTTP
internal import OrchestratorJSON
package import OrchestratorMCP
package import OrchestratorSystem

/// `mcp-orchestrator serve --http`: the HTTP front door of the shared server. It checks who is
/// calling (bearer tokens) and from where (`Origin`), then hands `/mcp` to Streamable HTTP.
package final class SharedServer: HTTPHandler, @unchecked Sendable {
    private let endpoint: StreamableHTTPEndpoint
    private let tokens: TokenRegistry?
    private let allowedOrigins: Set<String>
    /// The names the Host header may carry (`name` or `name:port`, lower case); `nil` checks nothing.
    private let allowedHosts: Set<String>?
    /// The board at `/board`, for people: it signs them in with their own token and keeps a cookie.
    private let board: BoardHandler?

    /// - Parameters:
    ///   - tokens: `nil` serves anyone who can reach the address (loopback only: the launcher refuses
    ///     another address without tokens).
    ///   - allowedOrigins: browser origins that may call, besides none at all (clients that are not
    ///     browsers send no `Origin`).
    package init(
        changes: StateChanges, tokens: TokenRegistry?, allowedOrigins: Set<String>, allowedHosts: Set<String>? = nil,
        board: BoardHandler?, makeServer: @escaping @Sendable (any MessageSink) -> MCPServer
    ) {
        self.tokens = tokens
        self.allowedHosts = allowedHosts
        self.allowedOrigins = allowedOrigins
        self.board = board
        endpoint = StreamableHTTPEndpoint(changes: changes, makeServer: makeServer)
    }

    package func respond(to request: HTTPRequest) -> HTTPResponse {
        // The board is a page for people: its own token-for-cookie sign-in, its own same-origin checks.
        if let board, board.serves(request.path) { return board.respond(to: request) }
        // DNS rebinding: a page elsewhere that resolves its own name to this address is refused.
        if let allowedHosts {
            let host = request.header("host")?.lowercased() ?? ""
            let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.prefix { $0 != ":" })
            guard allowedHosts.contains(host) || allowedHosts.contains(name) else {
                return StreamableHTTPEndpoint.error(
                    403, .invalidRequest, "Forbidden: the Host header must name this server (\(host) does not)")
            }
        }
        // One credential per request: a second Authorization header is not guessed at.
        if request.headerValues("authorization").count > 1 {
            return StreamableHTTPEndpoint.error(
                400, .invalidRequest, "Bad Request: send one Authorization header, not several")
        }
        if let origin = request.header("origin"), !allowedOrigins.contains(origin) {
            return StreamableHTTPEndpoint.error(
                403, .invalidRequest,
                "Forbidden: the Origin \(origin) is not allowed (--allow-origin names the allowed ones)")
        }
        if request.method == "OPTIONS", let origin = request.header("origin") { return Self.preflight(origin) }
        var caller: Caller?
        if let tokens {
            guard let authorization = request.header("authorization") else {
                return unauthorised("a bearer token is required", error: nil)
            }
            guard authorization.lowercased().hasPrefix("bearer "),
                let found = tokens.caller(presenting: String(authorization.dropFirst(7)))
            else { return unauthorised("the token is not valid", error: "invalid_token") }
            caller = found
        }
        var response: HTTPResponse
        switch (request.method, request.path) {
        case ("POST", "/mcp"): response = endpoint.post(request, caller: caller)
        case ("DELETE", "/mcp"): response = endpoint.delete(request, caller: caller)
        case ("POST", "/list-tools"):
            response = endpoint.taskmanagerRoute(request, method: "tools/list", caller: caller)
        case ("POST", "/call-tool"): response = endpoint.taskmanagerRoute(request, method: "tools/call", caller: caller)
        case (_, "/mcp"):
            // No standalone stream: every message this server sends belongs to a request.
            response = .text(405, "405 Method Not Allowed\n", headers: [("Allow", "POST, DELETE")])
        case (_, "/list-tools"), (_, "/call-tool"):
            response = .text(405, "405 Method Not Allowed\n", headers: [("Allow", "POST")])
        default:
            response = .text(404, "404 Not Found: the MCP endpoint is /mcp\n")
        }
        if let origin = request.header("origin") { response.headers += Self.crossOrigin(origin) }
        return response
    }

    /// A browser page from an allowed origin may read the answers and the session id.
    private static func crossOrigin(_ origin: String) -> [(name: String, value: String)] {
        [
            ("Access-Control-Allow-Origin", origin), ("Access-Control-Expose-Headers", "Mcp-Session-Id"),
            ("Vary", "Origin"),
        ]
    }

    /// A browser's preflight for an allowed origin.
    private static func preflight(_ origin: String) -> HTTPResponse {
        HTTPResponse(
            status: 204,
            headers: crossOrigin(origin) + [
                ("Access-Control-Allow-Methods", "POST, DELETE"),
                (
                    "Access-Control-Allow-Headers",
                    "Content-Type, Authorization, Mcp-Session-Id, MCP-Protocol-Version, Mcp-Method, Mcp-Name"
                ),
                ("Access-Control-Max-Age", "600"),
            ])
    }

    private func unauthorised(_ reason: String, error: String?) -> HTTPResponse {
        var challenge = #"Bearer realm="mcp-orchestrator""#
        if let error { challenge += #", error="\#(error)""# }
        var response = StreamableHTTPEndpoint.error(401, .invalidRequest, "Unauthorized: \(reason)")
        response.headers.append(("WWW-Authenticate", challenge))
        return response
    }
}
