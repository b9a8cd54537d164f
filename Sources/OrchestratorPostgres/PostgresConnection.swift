internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One connection to the database, used by one thread at a time: text parameters in, text values
/// out, every failure a `PostgresError` with its SQLSTATE and without the connection string.
final class PostgresConnection {
    private let library: LibPQ
    private let handle: OpaquePointer
    /// Where it is connected, for sentences: never with a password.
    let target: String
    /// What libpq's own words are cleaned of before they reach a sentence.
    private let connectionString: ConnectionString

    /// Connects, or throws why not (the server's or libpq's own words, which never hold the password).
    init(library: LibPQ, connectionString: ConnectionString) throws(PostgresError) {
        self.library = library
        self.connectionString = connectionString
        target = connectionString.redacted
        guard let handle = connectionString.forLibPQ.withCString({ library.connect($0) }) else {
            throw PostgresError(state: "08000", message: "libpq could not allocate a connection", target: target)
        }
        // Checked before it is kept: a connection that failed is finished here, and never by `deinit`.
        guard library.status(handle) == 0 else {
            let message = connectionString.scrub(Self.text(library.errorMessage(handle)))
            library.finish(handle)
            throw PostgresError(state: "08001", message: message, target: target)
        }
        self.handle = handle
    }

    deinit { library.finish(handle) }

    /// Whether the connection is still usable (a server restart breaks it; the store then opens another).
    var isHealthy: Bool { library.status(handle) == 0 }

    /// The socket, for waiting on notifications.
    var socket: Int32 { library.socket(handle) }

    /// The statements prepared on this connection, by their text: each is parsed and planned once.
    private var prepared: [String: String] = [:]

    /// Runs one statement with `parameters` as text (`nil` for NULL) and returns its rows as text.
    /// A statement marked `prepared` is parsed and planned once per connection and run by name after
    /// (the store's own, run many times while the project's row is held).
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = [], prepared isPrepared: Bool = false) throws(PostgresError)
        -> PostgresRows
    {
        var name: String?
        if isPrepared {
            if let known = prepared[sql] {
                name = known
            } else {
                let fresh = "mcp_orchestrator_\(prepared.count + 1)"
                let made = fresh.withCString { named in
                    sql.withCString { library.prepare(handle, named, $0, Int32(parameters.count), nil) }
                }
                _ = try rows(of: made)
                prepared[sql] = fresh
                name = fresh
            }
        }
        let result = Self.withCStrings(parameters) { values in
            if let name {
                return name.withCString {
                    library.executePrepared(handle, $0, Int32(parameters.count), values, nil, nil, 0)
                }
            }
            return sql.withCString { command in
                library.executeParameters(handle, command, Int32(parameters.count), nil, values, nil, nil, 0)
            }
        }
        return try rows(of: result)
    }

    /// A result's rows, or its error; the result is cleared either way.
    private func rows(of result: OpaquePointer?) throws(PostgresError) -> PostgresRows {
        guard let result else {
            throw PostgresError(
                state: "08006", message: connectionString.scrub(Self.text(library.errorMessage(handle))), target: target
            )
        }
        defer { library.clear(result) }
        let status = library.resultStatus(result)
        // PGRES_COMMAND_OK (1) and PGRES_TUPLES_OK (2) are success; everything else is an error.
        guard status == 1 || status == 2 else {
            let state = Self.text(library.resultErrorField(result, 67))  // PG_DIAG_SQLSTATE ('C')
            var message = Self.text(library.resultErrorField(result, 77))  // PG_DIAG_MESSAGE_PRIMARY ('M')
            if message.isEmpty { message = Self.text(library.errorMessage(handle)) }
            throw PostgresError(
                state: state.isEmpty ? "08006" : state, message: connectionString.scrub(message), target: target)
        }
        let count = Int(library.tuples(result))
        guard count > 0 else { return PostgresRows(rows: []) }
        let columns = Int(library.fields(result))
        var rows: [[String?]] = []
        rows.reserveCapacity(count)
        for row in 0..<Int32(count) {
            var values: [String?] = []
            values.reserveCapacity(columns)
            for column in 0..<Int32(columns) {
                if library.isNull(result, row, column) != 0 {
                    values.append(nil)
                    continue
                }
                let length = Int(library.length(result, row, column))
                guard let pointer = library.value(result, row, column) else {
                    values.append(nil)
                    continue
                }
                let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
                values.append(String(decoding: bytes, as: UTF8.self))
            }
            rows.append(values)
        }
        return PostgresRows(rows: rows)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws (on a
    /// connection that still works; a broken one has no transaction left to end).
    func transaction<Result>(_ body: () throws(PostgresError) -> Result) throws(PostgresError) -> Result {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isHealthy { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Reads what arrived on the socket and hands back the notifications' payloads (`LISTEN`).
    func notifications() throws(PostgresError) -> [(channel: String, payload: String)] {
        guard library.consumeInput(handle) == 1 else {
            throw PostgresError(
                state: "08006", message: connectionString.scrub(Self.text(library.errorMessage(handle))), target: target
            )
        }
        var found: [(String, String)] = []
        while let notice = library.notifies(handle) {
            // PGnotify: char *relname; int be_pid; char *extra; …
            let channel = notice.load(as: UnsafeMutablePointer<CChar>?.self)
            let extraOffset = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * 2
            let payload = notice.load(fromByteOffset: extraOffset, as: UnsafeMutablePointer<CChar>?.self)
            found.append((Self.text(channel), Self.text(payload)))
            library.free(notice)
        }
        return found
    }

    private static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        var text = String(cString: pointer)
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }

    /// Hands libpq the parameters as C strings for the length of one call.
    private static func withCStrings<Result>(
        _ values: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result
    ) -> Result {
        let copies: [UnsafeMutablePointer<CChar>?] = values.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        let pointers = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}

/// A statement's rows, each value as the text PostgreSQL sent (`nil` for NULL).
struct PostgresRows {
    let rows: [[String?]]

    var first: [String?]? { rows.first }
}
