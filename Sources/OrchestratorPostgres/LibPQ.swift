internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// PostgreSQL's own client library, loaded when a PostgreSQL store is asked for and never before: the
/// default build links nothing of it, and a machine without it runs the file store as ever.
///
/// libpq brings what a client needs and we do not write again: TLS, SCRAM, `.pgpass`, services and
/// every connection-string option. Only the calls below are looked up; a library without one of them
/// is refused as a whole.
final class LibPQ: @unchecked Sendable {
    typealias Connect = @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    typealias ConnectionInt = @convention(c) (OpaquePointer?) -> Int32
    typealias ConnectionText = @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    typealias ConnectionVoid = @convention(c) (OpaquePointer?) -> Void
    typealias ExecuteParameters =
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<UInt32>?,
            UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
        ) -> OpaquePointer?
    typealias Prepare =
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<UInt32>?
        ) -> OpaquePointer?
    typealias ExecutePrepared =
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
            UnsafePointer<Int32>?, Int32
        ) -> OpaquePointer?
    typealias ResultInt = @convention(c) (OpaquePointer?) -> Int32
    typealias ResultField = @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>?
    typealias ResultValue = @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    typealias ResultCell = @convention(c) (OpaquePointer?, Int32, Int32) -> Int32
    typealias Notifies = @convention(c) (OpaquePointer?) -> UnsafeMutableRawPointer?
    typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void

    let connect: Connect
    let status: ConnectionInt
    let errorMessage: ConnectionText
    let finish: ConnectionVoid
    let executeParameters: ExecuteParameters
    let prepare: Prepare
    let executePrepared: ExecutePrepared
    let resultStatus: ResultInt
    let resultErrorField: ResultField
    let tuples: ResultInt
    let fields: ResultInt
    let value: ResultValue
    let isNull: ResultCell
    let length: ResultCell
    let clear: ConnectionVoid
    let socket: ConnectionInt
    let consumeInput: ConnectionInt
    let notifies: Notifies
    let free: Free

    /// The library, loaded on first use and kept.
    static func shared(environment: [String: String]) throws(LibPQError) -> LibPQ {
        let places = candidates(environment: environment)
        return try loaded.withLock { (cached: inout [[String]: LibPQ]) throws(LibPQError) -> LibPQ in
            if let library = cached[places] { return library }
            let library = try LibPQ(candidates: places)
            cached[places] = library
            return library
        }
    }

    /// The library loaded from each list of places tried (one list in a process, unless a test names another).
    private static let loaded = Locked<[[String]: LibPQ]>([:])

    /// Where libpq is looked for: `MCP_ORCHESTRATOR_LIBPQ` alone when it is set, else the loader's own
    /// search (`LD_LIBRARY_PATH`, the system's folders), then on macOS Homebrew's and Postgres.app's.
    static func candidates(environment: [String: String]) -> [String] {
        if let named = environment["MCP_ORCHESTRATOR_LIBPQ"], !named.isEmpty { return [named] }
        #if os(macOS)
            return [
                "libpq.5.dylib", "/opt/homebrew/opt/libpq/lib/libpq.5.dylib", "/usr/local/opt/libpq/lib/libpq.5.dylib",
                "/Applications/Postgres.app/Contents/Versions/latest/lib/libpq.5.dylib",
            ]
        #else
            return ["libpq.so.5"]
        #endif
    }

    private init(candidates: [String]) throws(LibPQError) {
        var handle: UnsafeMutableRawPointer?
        for candidate in candidates where handle == nil {
            handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL)
        }
        guard let handle else { throw .missing(tried: candidates) }
        func symbol<Function>(_ name: String, as: Function.Type) throws(LibPQError) -> Function {
            guard let address = dlsym(handle, name) else { throw .incomplete(missing: name) }
            return unsafeBitCast(address, to: Function.self)
        }
        connect = try symbol("PQconnectdb", as: Connect.self)
        status = try symbol("PQstatus", as: ConnectionInt.self)
        errorMessage = try symbol("PQerrorMessage", as: ConnectionText.self)
        finish = try symbol("PQfinish", as: ConnectionVoid.self)
        executeParameters = try symbol("PQexecParams", as: ExecuteParameters.self)
        prepare = try symbol("PQprepare", as: Prepare.self)
        executePrepared = try symbol("PQexecPrepared", as: ExecutePrepared.self)
        resultStatus = try symbol("PQresultStatus", as: ResultInt.self)
        resultErrorField = try symbol("PQresultErrorField", as: ResultField.self)
        tuples = try symbol("PQntuples", as: ResultInt.self)
        fields = try symbol("PQnfields", as: ResultInt.self)
        value = try symbol("PQgetvalue", as: ResultValue.self)
        isNull = try symbol("PQgetisnull", as: ResultCell.self)
        length = try symbol("PQgetlength", as: ResultCell.self)
        clear = try symbol("PQclear", as: ConnectionVoid.self)
        socket = try symbol("PQsocket", as: ConnectionInt.self)
        consumeInput = try symbol("PQconsumeInput", as: ConnectionInt.self)
        notifies = try symbol("PQnotifies", as: Notifies.self)
        free = try symbol("PQfreemem", as: Free.self)
    }
}

/// libpq could not be used: one sentence that says what to install.
enum LibPQError: Error, Equatable, CustomStringConvertible {
    case missing(tried: [String])
    case incomplete(missing: String)

    var description: String {
        switch self {
        case .missing(let tried):
            "A PostgreSQL store needs libpq, PostgreSQL's client library, which was not found (tried \(tried.joined(separator: ", "))); install it (Debian and Ubuntu: apt-get install libpq5; Fedora: dnf install libpq; macOS: brew install libpq) or name the file in MCP_ORCHESTRATOR_LIBPQ."
        case .incomplete(let missing):
            "The libpq found has no \(missing); install a current libpq (Debian and Ubuntu: apt-get install libpq5; macOS: brew install libpq)."
        }
    }
}
