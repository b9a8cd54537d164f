internal import OrchestratorJSON
package import OrchestratorCore
package import OrchestratorStorage

/// Everything the server needs to know from launch, already validated.
package struct ServerConfiguration: Sendable {
    package var stateLocation: StateLocation
    package var toolsets: [Toolset]
    package var approver: ApproverMode
    package var workflowDirectories: [String]
    /// Threshold for stderr diagnostics and, until `logging/setLevel`, for log notifications.
    package var logLevel: LogLevel
    /// Items per page of `tools/list`, `resources/list`, `resources/templates/list`, `prompts/list`.
    package var pageSize: Int
    /// JSON nesting deeper than this is refused as a parse error.
    package var maximumJSONDepth: Int

    package init(
        stateLocation: StateLocation,
        toolsets: [Toolset] = [.server] + Toolset.defaultSelection,
        approver: ApproverMode = .agent,
        workflowDirectories: [String] = [],
        logLevel: LogLevel = .warning,
        pageSize: Int = 100,
        maximumJSONDepth: Int = JSONParser.defaultMaximumDepth
    ) {
        self.stateLocation = stateLocation
        self.toolsets = toolsets
        self.approver = approver
        self.workflowDirectories = workflowDirectories
        self.logLevel = logLevel
        self.pageSize = pageSize
        self.maximumJSONDepth = maximumJSONDepth
    }
}
