package import OrchestratorCore
internal import OrchestratorHTTP
internal import OrchestratorSystem

/// How the board guards a page that can change state on a shared machine, as Jupyter does: a secret
/// token in the first address, then an HttpOnly SameSite=Strict session cookie; a Host header that
/// names the bound address (no DNS rebinding); and for changes, a same-origin `Origin` and the
/// anti-forgery token the page carries.
///
/// The standalone board has one token, printed at start; on the shared server every person token is
/// one, and the session remembers whose it was, so decisions are recorded under that person's name.
package final class BoardSecurity: Sendable {
    /// Each token, with who its decisions are made by (the person, or, for a board that was started
    /// where an agent could have started it, not the person).
    private let tokens: [(token: String, decider: Decider)]
    /// Cookie value → decider, for every sign-in.
    private let sessions = Locked<[String: Decider]>([:])
    /// The page's anti-forgery token, sent back in `X-Board-CSRF` with every change.
    let antiForgery: String
    /// `host:port` values the Host header may carry; `nil` when the server is reached by names it cannot
    /// know (the shared server behind a proxy), where a token is needed before anything anyway.
    private let allowedHosts: Set<String>?

    package static let cookieName = "mcp_orchestrator_board"

    /// - Parameters:
    ///   - tokens: token → who decides with it (`.person("person via board (ada)")`).
    ///   - host, port: the bound address, whose names the Host header must carry; `checksHost` false
    ///     when the address is not loopback.
    package init(tokens: [(token: String, decider: Decider)], host: String, port: Int, checksHost: Bool = true) {
        self.tokens = tokens
        antiForgery = Self.secret()
        guard checksHost else {
            allowedHosts = nil
            return
        }
        var names: Set<String> = [host.contains(":") ? "[\(host)]" : host]
        if host == "127.0.0.1" || host == "::1" { names.formUnion(["127.0.0.1", "localhost", "[::1]"]) }
        allowedHosts = Set(names.map { "\($0):\(port)" })
    }

    /// 32 random bytes as hex, from the system's secure generator.
    package static func secret() -> String { Secret.hex() }

    func hostAllowed(_ request: HTTPRequest) -> Bool {
        guard let allowedHosts else { return true }
        return request.header("host").map { allowedHosts.contains($0.lowercased()) } ?? false
    }

    /// Who the request's session cookie belongs to, if it has one.
    func actor(of request: HTTPRequest) -> Decider? {
        guard let cookie = request.cookie(Self.cookieName) else { return nil }
        return sessions.withLock { $0.first { Self.same($0.key, cookie) }?.value }
    }

    /// Exchanges a token for a new session; returns its `Set-Cookie` value, or `nil` for a wrong token.
    func signIn(_ given: String) -> String? {
        var found: Decider?
        for entry in tokens where Self.same(given, entry.token) { found = entry.decider }
        guard let actor = found else { return nil }
        let session = Self.secret()
        sessions.withLock { sessions in
            if sessions.count >= 1024 { sessions.removeAll() }
            sessions[session] = actor
        }
        return "\(Self.cookieName)=\(session); HttpOnly; SameSite=Strict; Path=/"
    }

    /// A change must come from the page itself: its Origin names this server (as the Host header does),
    /// and it carries the page's token.
    func changeAllowed(_ request: HTTPRequest) -> String? {
        guard let origin = request.header("origin"), let host = request.header("host"),
            origin == "http://\(host)" || origin == "https://\(host)"
        else { return "a change must come from the board's own page (its Origin)" }
        if let site = request.header("sec-fetch-site"), site != "same-origin" {
            return "a change must come from the board's own page (Sec-Fetch-Site)"
        }
        guard let given = request.header("x-board-csrf"), Self.same(given, antiForgery) else {
            return "a change must carry the page's anti-forgery token; reload the board"
        }
        return nil
    }

    /// Compares secrets in time that does not depend on where they differ.
    static func same(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
