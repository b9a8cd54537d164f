internal import OrchestratorJSON

/// What the protocol needs to know from launch, already validated: who the server is and its limits. The domain's settings are the tools' (`main` composes both).
package struct ServerConfiguration: Sendable {
    /// The name, version and instructions the server introduces itself with.
    package var identity: ServerIdentity
    /// Threshold for stderr diagnostics and, until `logging/setLevel`, for log notifications.
    package var logLevel: LogLevel
    /// Items per page of `tools/list`, `resources/list`, `resources/templates/list`, `prompts/list`.
    package var pageSize: Int
    /// JSON nesting deeper than this is refused as a parse error.
    package var maximumJSONDepth: Int
    /// Where "now" comes from, in milliseconds since 1970: when a wait began and when a question
    /// expires. Tests inject a fixed clock; `main` hands in the one the domain uses.
    package var now: @Sendable () -> Int64
    /// The 2026-era questions this process asked, shared by every conversation it serves.
    package let questions = IssuedQuestions()

    package init(
        identity: ServerIdentity,
        now: @escaping @Sendable () -> Int64,
        logLevel: LogLevel = .warning,
        pageSize: Int = 100,
        maximumJSONDepth: Int = JSONParser.defaultMaximumDepth
    ) {
        self.identity = identity
        self.logLevel = logLevel
        self.pageSize = pageSize
        self.maximumJSONDepth = maximumJSONDepth
        self.now = now
    }
}
