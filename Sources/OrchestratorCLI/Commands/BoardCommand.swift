internal import OrchestratorBoard
internal import OrchestratorCore
internal import OrchestratorEvidence
internal import OrchestratorHTTP
internal import OrchestratorJSON
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `board`: the person's live page on the loopback address, with a secret token.
struct BoardCommand: CLICommand {
    let name = "board"
    let summary = "Serve the live board: every plan, and Approve / Reject for what waits for you."
    let usage = "board [--state PATH] [--port N] [--host ADDRESS] [--open]"
    let details = """
        Serves one page on 127.0.0.1 (a free port unless --port is given) and prints its address with a
        secret token on stderr; --open also opens it in the browser where there is a desktop. The page
        updates within a second of any change (agents, the command line, another board); decisions are
        recorded as "person via board (USER)" under the same rules as every other channel. Started inside
        an agent's session or process tree, or without a terminal, it is refused (exit 77) while a plan
        waits for the person's approval, and otherwise its decisions are not the person's. Everything
        ships in the binary, so it works offline. --host serves on another address of this machine
        (anyone who can reach it and has the token can decide). Stop it with Ctrl-C.
        """
    let valuedOptions: Set<String> = ["--port", "--host"]
    let flagOptions: Set<String> = ["--open"]

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        do { _ = try arguments.positionals([], optional: 0) } catch { throw .usage(error.description) }
        var port = 0
        if let given = arguments.options["--port"] {
            guard let number = Int(given), (1...65535).contains(number) else {
                throw .usage("--port must be a number from 1 to 65535, not \(given)")
            }
            port = number
        }
        let host = arguments.options["--host"] ?? "127.0.0.1"
        if host == "0.0.0.0" || host == "::" {
            throw .usage(
                "--host must name one address of this machine (the page checks that the browser asked for it), not \(host)"
            )
        }
        let access = try StateAccess(arguments, context: context)
        let (decider, note) = try context.boardDecider(access)
        let actor = decider.name
        // The port is known only once bound, and the Host check needs it: bind first, then wire the handler.
        let relay = LateHandler()
        let server: HTTPServer
        do { server = try HTTPServer(host: host, port: port, limits: limits(context), handler: relay) } catch {
            throw .io("the board cannot start: \(error.description)")
        }
        let token = BoardSecurity.secret()
        let security = BoardSecurity(tokens: [(token, decider)], host: host, port: server.port)
        // The board's event streams learn of changes from one hub: the state file's watcher, or the database's.
        relay.handler = BoardHandler(
            orchestrator: access.orchestrator, changes: context.changes(access.location), stateFile: access.path,
            stateReason: access.reason, security: security)
        let address = "\(server.origin)/?token=\(token)"
        context.writeError(
            "mcp-orchestrator board: \(address)\n  \(access.place) (\(access.reason)); decisions are recorded as \(actor). Ctrl-C stops it.\n"
                + (note.map { "  \($0)\n" } ?? "")
        )
        if arguments.flags.contains("--open") { open(address, context: context) }
        // Where this board is, for the notify command's events (its token stays out of the file).
        let mark = Notifier.boardFile(for: access.path)
        try? FileSystem.replaceSmallFile(
            mark, with: JSONWriter.bytes(from: ["pid": .int(Int(getpid())), "address": .string(server.origin + "/")]))
        defer { unlink(mark) }
        server.run(stopDescriptor: nil)
        return 0
    }

    /// The HTTP limits, with two that tests (and a person with an unusual need) may set by environment:
    /// `MCP_ORCHESTRATOR_BOARD_HEADER_TIMEOUT_MS` and `MCP_ORCHESTRATOR_BOARD_MAX_CONNECTIONS`.
    private func limits(_ context: CLIContext) -> HTTPLimits {
        var limits = HTTPLimits()
        limits.maximumConnections = HTTPLimits.connectionsFitting(limits.maximumConnections)
        if let value = context.environment["MCP_ORCHESTRATOR_BOARD_HEADER_TIMEOUT_MS"].flatMap(Int32.init), value > 0 {
            limits.headerTimeoutMilliseconds = value
        }
        if let value = context.environment["MCP_ORCHESTRATOR_BOARD_MAX_CONNECTIONS"].flatMap(Int.init), value > 0 {
            limits.maximumConnections = value
        }
        return limits
    }

    /// Opens the address in the desktop's browser, or says why not.
    private func open(_ address: String, context: CLIContext) {
        #if canImport(Darwin)
            let opener = "/usr/bin/open"
        #else
            let opener = "xdg-open"
            let desktop = ["DISPLAY", "WAYLAND_DISPLAY"].contains { !(context.environment[$0] ?? "").isEmpty }
            guard desktop else {
                context.writeError(
                    "  --open: no desktop here (no DISPLAY or WAYLAND_DISPLAY); open the address yourself.\n")
                return
            }
        #endif
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(opener), strdup(address), nil]
        defer { for argument in argv { free(argument) } }
        if posix_spawnp(&pid, opener, nil, nil, argv, environ) != 0 {
            context.writeError("  --open: could not run \(opener); open the address yourself.\n")
        }
    }
}
