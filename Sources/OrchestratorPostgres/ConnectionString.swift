/// A PostgreSQL connection string as the person gave it (`postgresql://…`, `postgres://…`, or
/// libpq's `key=value` form), handed to libpq unchanged, and the redacted form that is the only one
/// ever shown: scheme, user, host, port and database, never the password nor any other option.
package struct ConnectionString: Sendable, Equatable, CustomStringConvertible {
    /// What the person gave. Never printed.
    let text: String

    /// What libpq is given: the string, with a bound on connecting (`connect_timeout=10`) unless it
    /// sets one, so a database that does not answer is refused in seconds, not waited for.
    var forLibPQ: String {
        if text.contains("connect_timeout=") { return text }
        let query = text.contains("?") ? "&" : "?"
        if let fragment = text.firstIndex(of: "#") {
            return String(text[..<fragment]) + query + "connect_timeout=10" + String(text[fragment...])
        }
        return text + query + "connect_timeout=10"
    }

    /// Whether `text` names a PostgreSQL store (a URI of either scheme); a file path is anything else.
    package static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    package init?(_ text: String) {
        guard Self.isPostgres(text) else { return nil }
        self.text = text
    }

    package var description: String { redacted }

    /// `postgresql://ada@db.example:5432/plans`: what a sentence may say about this store.
    package var redacted: String {
        let scheme = text.hasPrefix("postgres://") ? "postgres://" : "postgresql://"
        var rest = Substring(text.dropFirst(scheme.count))
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        var authority = rest
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = rest[slash...]
        }
        var shown = ""
        if let at = authority.lastIndex(of: "@") {
            let user =
                authority[..<at].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            shown = String(user) + "@"
            authority = authority[authority.index(after: at)...]
        }
        let host = authority.isEmpty ? "(local socket)" : String(authority)
        return scheme + shown + host + path
    }
}
