internal import OrchestratorJSON

/// The 2026-07-28 era: every request stands alone, carrying its envelope in `params._meta`.
extension MCPServer {
    mutating func handleModern(id: JSONRPCID, method: String, params: [String: JSONValue]?) throws(JSONRPCError)
        -> JSONValue?
    {
        if method == MCPMethod.initialize.rawValue {
            throw RequestEnvelope.unsupportedVersion(
                requested: params?["protocolVersion"] ?? .null,
                message: "connection is serving the 2026-07-28 protocol; the initialize handshake is not accepted")
        }
        let envelope = try RequestEnvelope(params: params)
        guard let known = MCPMethod(rawValue: method), known.existsInModernEra else {
            throw .methodNotFound(method)
        }
        let context = RequestContext(
            revision: envelope.revision,
            clientCapabilities: envelope.clientCapabilities,
            clientInfo: envelope.clientInfo,
            meta: params?["_meta"],
            logThreshold: envelope.logLevel,
            sink: sink, requestID: id, authenticated: caller)
        var result: [String: JSONValue]
        if known == .serverDiscover {
            result = [
                "supportedVersions": .array(ProtocolRevision.modern.map { .string($0.rawValue) }),
                "capabilities": capabilities(for: envelope.revision, client: envelope.clientCapabilities),
                "instructions": .string(configuration.identity.instructions),
            ]
        } else {
            guard let dispatched = try dispatch(known, id: id, params: params, context: context) else { return nil }
            result = dispatched
        }
        return Self.stampModern(
            result, cache: known.cachePolicy, revision: envelope.revision, identity: configuration.identity)
    }

    /// Adds what every 2026 result carries: `resultType`, server identity in `_meta`, and for
    /// cacheable complete results `ttlMs` and `cacheScope`.
    static func stampModern(
        _ result: [String: JSONValue], cache: CachePolicy?, revision: ProtocolRevision, identity: ServerIdentity
    ) -> JSONValue {
        var result = result
        if result["resultType"] == nil { result["resultType"] = "complete" }
        var meta = result["_meta"]?.objectValue ?? [:]
        meta[RequestEnvelope.serverInfoKey] = identity.implementation(for: revision)
        result["_meta"] = .object(meta)
        if let cache, result["resultType"] == "complete" {
            result["ttlMs"] = .int(cache.ttlMs)
            result["cacheScope"] = .string(cache.scope)
        }
        return .object(result)
    }
}
