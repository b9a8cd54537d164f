internal import OrchestratorCore

/// A statement or a connection failed: its SQLSTATE, PostgreSQL's or libpq's message, and where
/// (never the connection string itself, which may hold a password).
struct PostgresError: Error, Equatable, CustomStringConvertible {
    let state: String
    let message: String
    let target: String

    var description: String { "\(message) (SQLSTATE \(state))" }

    /// The server cannot be reached, or went away: class 08 (connection exception), the server
    /// shutting down or starting (57P01–57P03), or the database being dropped (57P04).
    var isUnavailable: Bool { state.hasPrefix("08") || ["57P01", "57P02", "57P03", "57P04"].contains(state) }

    /// A lock or a statement outlived its timeout (`lock_timeout`, `statement_timeout`).
    var isTimeout: Bool { state == "55P03" || state == "57014" }

    /// The failure as the core's persistence port reports it.
    func persistence(project: String) -> PersistenceError {
        if isUnavailable {
            return PersistenceError(
                code: "store_unavailable",
                description:
                    "The PostgreSQL store \(target) cannot be reached: \(message). Nothing was changed; the call may be made again once the database is back (this server reconnects by itself)."
            )
        }
        if isTimeout {
            return PersistenceError(
                code: "state_busy",
                description:
                    "The PostgreSQL store \(target) kept project \(project) locked for longer than this server waits: \(message). Nothing was changed; try again."
            )
        }
        if state == "XX001" {
            return PersistenceError(
                code: "state_corrupt",
                description:
                    "The PostgreSQL store \(target) holds a row this version cannot read: \(message). It is left untouched and changes are refused until it is repaired."
            )
        }
        return PersistenceError(
            code: "store_failed",
            description: "The PostgreSQL store \(target) refused a statement: \(description). Nothing was changed.")
    }
}
