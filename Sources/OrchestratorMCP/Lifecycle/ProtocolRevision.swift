/// Every MCP revision we speak, oldest first, with what each one allows on the wire.
///
/// Feature questions are asked of the revision ("does this session have structured output?") rather
/// than by comparing strings at call sites; each case lists what its revision added.
package enum ProtocolRevision: String, CaseIterable, Comparable, Sendable {
    // The cases spell the revision's date as the specification does; underscores keep it readable.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case v2024_11_05 = "2024-11-05"
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case v2025_03_26 = "2025-03-26"
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case v2025_06_18 = "2025-06-18"
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case v2025_11_25 = "2025-11-25"
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case v2026_07_28 = "2026-07-28"

    /// Revisions negotiated through `initialize`.
    package static let handshake: [ProtocolRevision] = [.v2024_11_05, .v2025_03_26, .v2025_06_18, .v2025_11_25]
    /// What `initialize` answers when the client asks for a revision we do not speak.
    package static let latestHandshake = ProtocolRevision.v2025_11_25
    /// Revisions served statelessly through the per-request envelope.
    package static let modern: [ProtocolRevision] = [.v2026_07_28]

    package static func < (lhs: ProtocolRevision, rhs: ProtocolRevision) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The answer to `initialize`: echo a supported handshake revision, otherwise offer the latest.
    package static func negotiate(requested: String) -> ProtocolRevision {
        if let revision = ProtocolRevision(rawValue: requested), handshake.contains(revision) { return revision }
        return latestHandshake
    }

    package var isModern: Bool { self >= .v2026_07_28 }
    /// JSON-RPC batches must be received in 2025-03-26 only.
    package var acceptsBatches: Bool { self == .v2025_03_26 }
    package var hasToolAnnotations: Bool { self >= .v2025_03_26 }
    package var hasCompletionsCapability: Bool { self >= .v2025_03_26 }
    package var hasProgressMessage: Bool { self >= .v2025_03_26 }
    /// Tool `title`, `outputSchema`, `structuredContent`, implementation `title`.
    package var hasStructuredOutput: Bool { self >= .v2025_06_18 }
    package var hasTitles: Bool { self >= .v2025_06_18 }
    /// Implementation `description`, `websiteUrl`, `icons`.
    package var hasImplementationDescription: Bool { self >= .v2025_11_25 }
    package var hasElicitation: Bool { self >= .v2025_06_18 }
    /// SEP-1303: from 2025-11-25 bad tool arguments are an `isError` result, before that `-32602`.
    package var reportsArgumentErrorsAsToolResults: Bool { self >= .v2025_11_25 }
    /// Resource not found: `-32002` in the handshake era, `-32602` in 2026.
    package var resourceNotFoundCode: JSONRPCError.Code { isModern ? .invalidParams : .resourceNotFound }
}
