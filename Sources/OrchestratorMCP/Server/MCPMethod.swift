/// Every request method we serve, and in which era each exists.
package enum MCPMethod: String, CaseIterable, Sendable {
    case initialize
    case ping
    case serverDiscover = "server/discover"
    case toolsList = "tools/list"
    case toolsCall = "tools/call"
    case resourcesList = "resources/list"
    case resourcesTemplatesList = "resources/templates/list"
    case resourcesRead = "resources/read"
    case promptsList = "prompts/list"
    case promptsGet = "prompts/get"
    case completionComplete = "completion/complete"
    case loggingSetLevel = "logging/setLevel"

    /// Whether the handshake era (2024-11-05 … 2025-11-25) has this method.
    package var existsInHandshakeEra: Bool {
        switch self {
        case .serverDiscover: false
        case .initialize, .ping, .toolsList, .toolsCall, .resourcesList, .resourcesTemplatesList, .resourcesRead,
            .promptsList, .promptsGet, .completionComplete, .loggingSetLevel:
            true
        }
    }

    /// Whether 2026-07-28 has this method (`initialize`, `ping` and `logging/setLevel` were removed).
    package var existsInModernEra: Bool {
        switch self {
        case .initialize, .ping, .loggingSetLevel: false
        case .serverDiscover, .toolsList, .toolsCall, .resourcesList, .resourcesTemplatesList, .resourcesRead,
            .promptsList, .promptsGet, .completionComplete:
            true
        }
    }

    /// 2026 results of these methods carry `ttlMs` and `cacheScope`.
    package var cachePolicy: CachePolicy? {
        switch self {
        case .serverDiscover, .toolsList, .resourcesTemplatesList: CachePolicy(ttlMs: 60_000, scope: "private")
        case .resourcesList, .promptsList, .resourcesRead: CachePolicy(ttlMs: 0, scope: "private")
        case .initialize, .ping, .toolsCall, .promptsGet, .completionComplete, .loggingSetLevel: nil
        }
    }
}

/// How long a 2026 client may reuse a result. The tool set is fixed for a process's life, so tool
/// and template lists may be kept a minute; anything that reflects the state file is never cached.
package struct CachePolicy: Sendable, Equatable {
    package let ttlMs: Int
    package let scope: String
}
