internal import OrchestratorEvidence
internal import OrchestratorHTTP
internal import OrchestratorSystem

/// `connect URL [--token-file FILE]`: a stdio MCP server that relays to a shared server.
struct ConnectCommand: CLICommand {
    let name = "connect"
    let summary = "Be a stdio MCP server that relays to a shared server (serve --http), with an agent's token."
    let usage = "connect URL [--token-file FILE]"
    let details = """
        For clients that start stdio servers only (Claude Desktop, Cline): their entry runs
        `mcp-orchestrator connect http://HOST:PORT/mcp --token-file FILE`, and every message goes to the
        shared server with the token in FILE (its first line) as a bearer token. The token names the
        agent; an agent token never approves, so an agent running as another OS user than the person,
        whose token it cannot read, cannot pass a gate by any route. Plain HTTP only: for a remote
        server put a TLS tunnel (ssh -L, stunnel) in front. Diagnostics go to stderr. Started in a git
        working tree, it records what each task it relays changes (a snapshot at the claim and at
        mark_task_done, under refs/mcp-orchestrator/) and sends the change with mark_task_done; the
        person sees it as taken by the agent's bridge. MCP_ORCHESTRATOR_EVIDENCE=off turns that off.
        """
    let valuedOptions: Set<String> = ["--token-file"]
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        let url: String
        do { url = try arguments.positionals(["URL"])[0] } catch { throw .usage(error.description) }
        let endpoint: HTTPEndpoint
        do { endpoint = try HTTPEndpoint(url) } catch { throw .usage(error.description) }
        var token: String?
        if let path = arguments.options["--token-file"] {
            let bytes: [UInt8]
            do { bytes = try FileSystem.readRegularFile(path) } catch { throw .io(error.description) }
            let line = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first ?? ""
            let trimmed = String(line.filter { !$0.isWhitespace })
            guard !trimmed.isEmpty else {
                throw .usage("the token file \(path) is empty; put the agent's token on its first line")
            }
            token = trimmed
        }
        let output = LockedWriter(context.writeOut)
        let errors = LockedWriter(context.writeError)
        // In a git working tree the bridge takes the evidence the shared server cannot.
        let evidence =
            context.environment["MCP_ORCHESTRATOR_EVIDENCE"] == "off"
            ? nil
            : BridgeEvidence(workingDirectory: context.workingDirectory, server: url, environment: context.environment)
        let bridge = StreamableHTTPBridge(
            endpoint: endpoint, token: token, evidence: evidence, write: { output.line($0) }, note: { errors.line($0) })
        while let line = readLine(strippingNewline: true) { bridge.forward(line) }
        bridge.finish()
        return 0
    }
}

/// Whole lines to one stream from several threads, one at a time.
private final class LockedWriter: Sendable {
    private let write: Locked<(String) -> Void>

    init(_ write: @escaping (String) -> Void) { self.write = Locked(write) }

    func line(_ text: String) { write.withLock { $0(text + "\n") } }
}
