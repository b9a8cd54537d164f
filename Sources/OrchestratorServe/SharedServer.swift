package import OrchestratorHTTP
internal import OrchestratorJSON
package import OrchestratorMCP

/// `mcp-orchestrator serve --http`: the HTTP front door of the shared server. It checks who is
/// calling (bearer tokens) and from where (`Origin`), then hands `/mcp` to Streamable HTTP.
package final class SharedServer: HTTPHandler, @unchecked Sendable {
    private let endpoint: StreamableHTTPEndpoint
    private let tokens: TokenRegistry?
    private let allowedOrigins: Set<String>

    /// - Parameters:
    ///   - tokens: `nil` serves anyone who can reach the address (loopback only: the launcher refuses
    ///     another address without tokens).
    ///   - allowedOrigins: browser origins that may call, besides none at all (clients that are not
    ///     browsers send no `Origin`).
    package init(
        statePath: String, tokens: TokenRegistry?, allowedOrigins: Set<String>,
        makeServer: @escaping @Sendable (any MessageSink) -> MCPServer
    ) {
        self.tokens = tokens
        self.allowedOrigins = allowedOrigins
        endpoint = StreamableHTTPEndpoint(statePath: statePath, makeServer: makeServer)
    }

    package func respond(to request: HTTPRequest) -> HTTPResponse {
        if let origin = request.header("origin"), !allowedOrigins.contains(origin) {
            return StreamableHTTPEndpoint.error(
                403, .invalidRequest,
                "Forbidden: the Origin \(origin) is not allowed (--allow-origin names the allowed ones)")
        }
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
        switch (request.method, request.path) {
        case ("POST", "/mcp"): return endpoint.post(request, caller: caller)
        case ("DELETE", "/mcp"): return endpoint.delete(request, caller: caller)
        case (_, "/mcp"):
            // No standalone stream: every message this server sends belongs to a request.
            return .text(405, "405 Method Not Allowed\n", headers: [("Allow", "POST, DELETE")])
        default:
            return .text(404, "404 Not Found: the MCP endpoint is /mcp\n")
        }
    }

    private func unauthorised(_ reason: String, error: String?) -> HTTPResponse {
        var challenge = #"Bearer realm="mcp-orchestrator""#
        if let error { challenge += #", error="\#(error)""# }
        var response = StreamableHTTPEndpoint.error(401, .invalidRequest, "Unauthorized: \(reason)")
        response.headers.append(("WWW-Authenticate", challenge))
        return response
    }
}
