internal import OrchestratorJSON

/// The handshake era (2024-11-05 … 2025-11-25): `initialize`, then stateful requests.
extension MCPServer {
    mutating func handleHandshake(
        id: JSONRPCID, method: String, params: [String: JSONValue]?, inBatch: Bool
    ) throws(JSONRPCError) -> JSONValue? {
        guard case .handshake(var state) = era else { return nil }
        if RequestEnvelope.isPresent(in: params) {
            throw JSONRPCError(
                .invalidRequest,
                "this connection serves the handshake protocol era; requests carrying the 2026-07-28 envelope are not accepted on it"
            )
        }
        guard let known = MCPMethod(rawValue: method), known.existsInHandshakeEra else {
            throw .methodNotFound(method)
        }
        switch known {
        case .initialize:
            guard !inBatch else {
                throw JSONRPCError(.invalidRequest, "Invalid Request: initialize must not be part of a batch")
            }
            let result = try initialize(params, state: &state)
            era = .handshake(state)
            return result
        case .ping:
            return [:]
        default:
            break
        }
        guard let revision = state.revision else {
            throw JSONRPCError(.invalidParams, "Server not initialized: send initialize before \(method)")
        }
        if known == .loggingSetLevel {
            guard let level = params?["level"]?.stringValue.flatMap(LogLevel.init(rawValue:)) else {
                throw .invalidParams("Invalid params: params.level must be one of \(LogLevel.spellings)")
            }
            state.logLevel = level
            era = .handshake(state)
            return [:]
        }
        let context = RequestContext(
            revision: revision,
            clientCapabilities: state.clientCapabilities,
            clientInfo: state.clientInfo,
            meta: params?["_meta"],
            logThreshold: state.logThreshold(launchDefault: configuration.logLevel),
            sink: sink, requestID: id, authenticated: caller)
        return try dispatch(known, id: id, params: params, context: context).map { .object($0) }
    }

    private func initialize(_ params: [String: JSONValue]?, state: inout HandshakeState) throws(JSONRPCError)
        -> JSONValue
    {
        guard case .string(let requested)? = params?["protocolVersion"] else {
            throw .invalidParams("Invalid params: initialize needs params.protocolVersion (string)")
        }
        guard case .object? = params?["capabilities"] else {
            throw .invalidParams("Invalid params: initialize needs params.capabilities (object)")
        }
        guard case .object? = params?["clientInfo"], let clientInfo = ClientIdentity(params?["clientInfo"]) else {
            throw .invalidParams("Invalid params: initialize needs params.clientInfo (object with a name)")
        }
        let revision = ProtocolRevision.negotiate(requested: requested)
        state.revision = revision
        state.clientCapabilities = params?["capabilities"] ?? [:]
        state.clientInfo = clientInfo
        return [
            "protocolVersion": .string(revision.rawValue),
            "capabilities": capabilities(for: revision, client: state.clientCapabilities),
            "serverInfo": configuration.identity.implementation(for: revision),
            "instructions": .string(configuration.identity.instructions),
        ]
    }

    /// What works, and nothing else: we send no list-changed notifications and have no subscriptions.
    /// MCP Apps is declared back only to a client that declared it.
    func capabilities(for revision: ProtocolRevision, client: JSONValue) -> JSONValue {
        var capabilities: [String: JSONValue] = ["tools": [:], "resources": [:], "prompts": [:], "logging": [:]]
        if revision.hasCompletionsCapability { capabilities["completions"] = [:] }
        if AppsExtension.isDeclared(in: client) {
            capabilities["extensions"] = [AppsExtension.identifier: AppsExtension.serverSettings]
        }
        return .object(capabilities)
    }
}

extension HandshakeState {
    /// The level below which log notifications are not sent.
    func logThreshold(launchDefault: LogLevel) -> LogLevel {
        logLevel ?? launchDefault
    }
}
