/// A PostgreSQL connection string (the database store's `--store`) as the person gave it (`postgresql://…`, `postgres://…`, or
/// libpq's `key=value` form), handed to libpq unchanged, and the redacted form that is the only one
/// ever shown: scheme, user, host, port and database, never the password nor any other option.
package struct ConnectionString: Sendable, Equatable, CustomStringConvertible {
    /// What the person gave. Never printed.
    package let text: String

    /// What libpq is given: the string, with bounds on waiting that it does not set itself, so a
    /// database that does not answer is refused in seconds rather than waited for: connecting
    /// (`connect_timeout=10`), data a vanished host never acknowledges (`tcp_user_timeout=60000`, in
    /// milliseconds) and an idle connection to one (`keepalives_idle=30`, so the listening
    /// connection notices too; these two apply to TCP only); and the program's name as the server's
    /// views show it, unless the person named it otherwise.
    package var forLibPQ: String {
        let defaults = [
            ("connect_timeout", "10"), ("tcp_user_timeout", "60000"), ("keepalives_idle", "30"),
            ("application_name", "mcp-orchestrator"),
        ]
        var head = text
        var fragment = ""
        if let mark = text.firstIndex(of: "#") {
            head = String(text[..<mark])
            fragment = String(text[mark...])
        }
        for (name, value) in defaults where !head.contains(name + "=") {
            head += (head.contains("?") ? "&" : "?") + name + "=" + value
        }
        return head + fragment
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

    /// `message` with nothing secret left in it: the string itself (as given, and as libpq was given
    /// it) becomes its redacted form, and a password written in it becomes `***`. libpq quotes a
    /// malformed URI whole in its error, password and all.
    package func scrub(_ message: String) -> String {
        var scrubbed = message.replacing(forLibPQ, with: redacted).replacing(text, with: redacted)
        for secret in passwords where !secret.isEmpty {
            scrubbed = scrubbed.replacing(secret, with: "***")
            // As libpq may say it: percent-decoded.
            if let decoded = Self.percentDecoded(secret), decoded != secret {
                scrubbed = scrubbed.replacing(decoded, with: "***")
            }
        }
        return scrubbed
    }

    /// Whether a password is written in the string (which is then never repeated, not even in the
    /// commands a view suggests).
    package var holdsPassword: Bool { !passwords.isEmpty }

    /// The passwords written in the string: in its user information (`user:password@`) and in a
    /// `password=` option.
    private var passwords: [String] {
        var found: [String] = []
        let scheme = text.hasPrefix("postgres://") ? "postgres://" : "postgresql://"
        let rest = text.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            found.append(String(authority[authority.index(after: colon)..<at]))
        }
        if let query = text.firstIndex(of: "?") {
            for pair in text[text.index(after: query)...].split(separator: "&") where pair.hasPrefix("password=") {
                found.append(String(pair.dropFirst("password=".count).prefix { $0 != "#" }))
            }
        }
        return found
    }

    /// `text` with its `%XX` escapes decoded, as libpq reads a URI's parts; `nil` when that is not UTF-8.
    private static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var rest = Array(text.utf8)[...]
        while let byte = rest.popFirst() {
            if byte == UInt8(ascii: "%"), rest.count >= 2,
                let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                rest = rest.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
