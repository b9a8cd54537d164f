internal import OrchestratorHTTP

/// How the board guards a page that can change state on a shared machine, as Jupyter does: a secret
/// token in the first address, then an HttpOnly SameSite=Strict session cookie; a Host header that
/// names the bound address (no DNS rebinding); and for changes, a same-origin `Origin` and the
/// anti-forgery token the page carries.
package struct BoardSecurity: Sendable {
    /// Printed once, in the address; exchanged for the cookie.
    package let token: String
    /// The cookie's value.
    let session: String
    /// The page's anti-forgery token, sent back in `X-Board-CSRF` with every change.
    let antiForgery: String
    /// `host:port` values the Host header may carry.
    let allowedHosts: Set<String>

    package static let cookieName = "mcp_orchestrator_board"

    package init(host: String, port: Int, token: String = BoardSecurity.secret()) {
        self.token = token
        session = Self.secret()
        antiForgery = Self.secret()
        var names: Set<String> = [host.contains(":") ? "[\(host)]" : host]
        if host == "127.0.0.1" || host == "::1" { names.formUnion(["127.0.0.1", "localhost", "[::1]"]) }
        allowedHosts = Set(names.map { "\($0):\(port)" })
    }

    /// 32 random bytes as hex, from the system's secure generator.
    package static func secret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    func hostAllowed(_ request: HTTPRequest) -> Bool {
        request.header("host").map { allowedHosts.contains($0.lowercased()) } ?? false
    }

    func hasSession(_ request: HTTPRequest) -> Bool {
        request.cookie(Self.cookieName).map { Self.same($0, session) } ?? false
    }

    func tokenMatches(_ given: String?) -> Bool {
        given.map { Self.same($0, token) } ?? false
    }

    /// A change must come from the page itself: its Origin is this server, and it carries the page's token.
    func changeAllowed(_ request: HTTPRequest) -> String? {
        guard let origin = request.header("origin"), let host = request.header("host"), origin == "http://\(host)"
        else { return "a change must come from the board's own page (its Origin)" }
        if let site = request.header("sec-fetch-site"), site != "same-origin" {
            return "a change must come from the board's own page (Sec-Fetch-Site)"
        }
        guard let given = request.header("x-board-csrf"), Self.same(given, antiForgery) else {
            return "a change must carry the page's anti-forgery token; reload the board"
        }
        return nil
    }

    /// The cookie set once the token was shown.
    var cookie: String {
        "\(Self.cookieName)=\(session); HttpOnly; SameSite=Strict; Path=/"
    }

    /// Compares secrets in time that does not depend on where they differ.
    static func same(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
