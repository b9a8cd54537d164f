import OrchestratorBoard
import OrchestratorCLI
import OrchestratorCore
import OrchestratorHTTP
import OrchestratorMCP
import OrchestratorServe
import OrchestratorStorage
import OrchestratorSystem
import OrchestratorTools

/// `serve --http`: wires the store and the tools into the shared server and listens until a stop signal.
enum SharedServerLaunch {
    /// - Parameter user: the account's name (`USER`), for the board's decisions without a tokens file.
    static func run(
        address: HTTPAddress, options: LaunchOptions, settings: OrchestratorSettings,
        configuration: ServerConfiguration, location: StateLocation, storeChoice: StoreChoice,
        environment: [String: String],
        user: String?, diagnostics: Diagnostics
    ) -> Int32 {
        var tokens: TokenRegistry?
        if let path = options.tokensPath {
            do { tokens = try TokenRegistry.load(path) } catch {
                Diagnostics.writeStderr("mcp-orchestrator serve: \(error)\n")
                return 78
            }
        }
        if tokens == nil, !address.isLoopback {
            Diagnostics.writeStderr(
                "mcp-orchestrator serve: refusing to serve on \(address.host) without --tokens: anyone who can reach it could act; give a tokens file, or bind to 127.0.0.1\n"
            )
            return 64
        }
        // One store for every session: the file one at a time (its lock still keeps other processes
        // out), the database's with every session's changes as they come.
        let store = storeChoice.persistence(
            at: location, environment: environment, lockWaitSeconds: options.lockWaitSeconds,
            retentionSeconds: options.archiveAfterDays * 86_400, shared: true)
        // One orchestrator and one workflow library for the board and every conversation. Shared by
        // their threads: its persistence is the store above, which serializes them.
        nonisolated(unsafe) let orchestrator = settings.orchestrator(over: store)
        // Without a tokens file the board's token is printed below: who decides with it follows the
        // board's own rule (`BoardTokenHolder`). Under the human approver the person waits for every
        // plan this server makes.
        var boardDecider: Decider?
        if tokens == nil {
            let waiting =
                settings.approver == .human
                ? "this server plans for the person (--approver human)"
                : (try? orchestrator.read()).flatMap { BoardTokenHolder.waiting(in: $0.state) }
            switch BoardTokenHolder.decide(
                presence: PersonPresence.check(statePath: location.path), personWaits: waiting,
                user: PersonPresence.userName() ?? user)
            {
            case .decides(let decider, let note):
                boardDecider = decider
                if let note { Diagnostics.writeStderr("mcp-orchestrator serve: note: \(note).\n") }
            case .refused(let reason):
                Diagnostics.writeStderr(
                    "mcp-orchestrator serve: \(reason). Start serve from your own terminal, or give --tokens with a person token.\n"
                )
                return 77
            }
        }
        var limits = HTTPLimits()
        limits.maximumBodyBytes = options.maximumLineBytes
        // Sockets held open without a request are shed first (see ConnectionTable): a connection has 5 s
        // from its accept to send a request head, a kept-alive one may idle 5 s, and one peer address
        // holds at most half of the 512 connections (fewer where the descriptor limit is lower).
        limits.maximumConnections = HTTPLimits.connectionsFitting(512)
        limits.maximumConnectionsPerPeer = max(1, limits.maximumConnections / 2)
        limits.headerTimeoutMilliseconds = 5_000
        limits.idleTimeoutMilliseconds = 5_000
        let relay = LateHandler()
        let server: HTTPServer
        do { server = try HTTPServer(host: address.host, port: address.port, limits: limits, handler: relay) } catch {
            Diagnostics.writeStderr("mcp-orchestrator serve: \(error.description)\n")
            return 69
        }
        // The board signs people in with their person tokens; without a tokens file, with one printed here.
        let boardToken = tokens == nil ? BoardSecurity.secret() : nil
        let people: [(token: String, decider: Decider)] =
            tokens?.people.map { ($0.token, .person("person via board (\($0.name))")) }
            ?? boardDecider.map { [(boardToken ?? "", $0)] } ?? []
        let services = ToolServices(
            orchestrator: orchestrator, workflows: settings.workflowLibrary(), settings: settings)
        let content = ShippedTools.content(for: services)
        // One hub for the board's streams and every waiting call, stopped on exit: the state file's
        // watcher, or the database's notifications (a change made on another server reaches this one).
        let (changes, stopChanges) = storeChoice.changes(at: location, environment: environment)
        defer { stopChanges() }
        let board = BoardHandler(
            orchestrator: orchestrator, changes: changes,
            stateFile: location.path, stateReason: settings.stateReason,
            security: BoardSecurity(
                tokens: people, host: address.host, port: server.port, checksHost: address.isLoopback),
            prefix: "/board")
        // The Host header names this server: the loopback names on loopback, else those --allow-host gives.
        let loopbackNames = ["127.0.0.1", "localhost", "[::1]"].map { "\($0):\(server.port)" }
        let allowedHosts: Set<String>? =
            address.isLoopback
            ? Set(loopbackNames) : options.allowedHosts.isEmpty ? nil : Set(options.allowedHosts)
        let shared = SharedServer(
            changes: changes, tokens: tokens, allowedOrigins: Set(options.allowedOrigins),
            allowedHosts: allowedHosts, board: board
        ) { sink in
            MCPServer(configuration: configuration, content: content, sink: sink)
        }
        relay.handler = shared
        let who =
            tokens.map { "\($0.callers.count) tokens from \(options.tokensPath ?? "")" }
            ?? "no tokens (this machine only)"
        Diagnostics.writeStderr("mcp-orchestrator serve: \(server.origin)/mcp (\(who))\n")
        Diagnostics.writeStderr(
            "  board: \(server.origin)/board/?token=" + (boardToken ?? "<a person token>") + "\n")
        server.run(stopDescriptor: StopSignals.install())
        diagnostics.write(.notice, "stop signal received; exiting")
        return 0
    }
}
