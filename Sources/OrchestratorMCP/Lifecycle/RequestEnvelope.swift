package import OrchestratorJSON

/// The 2026-07-28 per-request `_meta` envelope, validated in the order the reference server uses.
package struct RequestEnvelope: Sendable, Equatable {
    package static let protocolVersionKey = "io.modelcontextprotocol/protocolVersion"
    package static let clientCapabilitiesKey = "io.modelcontextprotocol/clientCapabilities"
    package static let clientInfoKey = "io.modelcontextprotocol/clientInfo"
    package static let logLevelKey = "io.modelcontextprotocol/logLevel"
    package static let serverInfoKey = "io.modelcontextprotocol/serverInfo"

    package let revision: ProtocolRevision
    package let clientCapabilities: JSONValue
    package let clientInfo: ClientIdentity?
    package let logLevel: LogLevel?

    /// Whether a request carries the modern envelope key at all (the era signal).
    package static func isPresent(in params: [String: JSONValue]?) -> Bool {
        params?["_meta"]?[protocolVersionKey] != nil
    }

    package init(params: [String: JSONValue]?) throws(JSONRPCError) {
        guard case .object(let meta)? = params?["_meta"] else {
            throw .invalidParams(
                "params._meta must be an object carrying the required '\(Self.protocolVersionKey)' and '\(Self.clientCapabilitiesKey)' envelope keys"
            )
        }
        guard let versionValue = meta[Self.protocolVersionKey], let capabilities = meta[Self.clientCapabilitiesKey]
        else {
            let missing = [Self.protocolVersionKey, Self.clientCapabilitiesKey].filter { meta[$0] == nil }
            throw .invalidParams(
                "params._meta is missing the required envelope key(s): \(missing.joined(separator: ", "))")
        }
        guard case .string(let version) = versionValue else {
            throw .invalidParams("params._meta['\(Self.protocolVersionKey)'] must be a string")
        }
        guard let revision = ProtocolRevision(rawValue: version), revision.isModern else {
            throw Self.unsupportedVersion(requested: .string(version))
        }
        guard case .object = capabilities else {
            throw .invalidParams("params._meta['\(Self.clientCapabilitiesKey)'] must be an object")
        }
        var logLevel: LogLevel?
        if let level = meta[Self.logLevelKey] {
            guard let parsed = level.stringValue.flatMap(LogLevel.init(rawValue:)) else {
                throw .invalidParams("params._meta['\(Self.logLevelKey)'] must be one of \(LogLevel.spellings)")
            }
            logLevel = parsed
        }
        self.revision = revision
        self.clientCapabilities = capabilities
        self.clientInfo = ClientIdentity(meta[Self.clientInfoKey])
        self.logLevel = logLevel
    }

    /// `-32022` naming what we speak; a dual-era client does not fall back to `initialize` on it.
    package static func unsupportedVersion(requested: JSONValue, message: String = "Unsupported protocol version")
        -> JSONRPCError
    {
        JSONRPCError(
            .unsupportedProtocolVersion, message,
            data: ["supported": .array(ProtocolRevision.modern.map { .string($0.rawValue) }), "requested": requested])
    }
}
