package import OrchestratorCore
internal import OrchestratorJSON
package import OrchestratorSystem
package import OrchestratorWorkflows

/// Everything the server needs to know from launch, already validated.
package struct ServerConfiguration: Sendable {
    package var stateLocation: StateLocation
    /// Why that file, in words ("project ~/src/app, git repository").
    package var stateReason: String
    /// Said while a project's file is new and the per-user default still holds the older plans.
    package var stateNotice: String?
    package var toolsets: [Toolset]
    package var approver: ApproverMode
    /// Where workflow definitions come from, in priority order (already resolved).
    package var workflowDirectories: [String]
    /// Where roles come from: the workflow directories, then the shipped ones.
    package var roleDirectories: [String]
    /// Threshold for stderr diagnostics and, until `logging/setLevel`, for log notifications.
    package var logLevel: LogLevel
    /// Items per page of `tools/list`, `resources/list`, `resources/templates/list`, `prompts/list`.
    package var pageSize: Int
    /// JSON nesting deeper than this is refused as a parse error.
    package var maximumJSONDepth: Int
    /// How long a claim from `get_next_task` lasts before the task returns to pending.
    package var leaseSeconds: Int
    /// How long a change waits for another process's lock on the state file.
    package var lockWaitSeconds: Double
    /// Where "now" comes from; tests inject a fixed clock.
    package var clock: WallClock
    /// The 2026-era questions this process asked, shared by every conversation it serves.
    package let questions = IssuedQuestions()

    /// The orchestrator these settings describe, over `persistence`: the one `main` builds.
    package func orchestrator(over persistence: any StatePersistence) -> Orchestrator {
        Orchestrator(persistence: persistence, clock: clock, leaseSeconds: leaseSeconds, approver: approver)
    }

    /// The workflow library these settings name.
    package func workflowLibrary() -> WorkflowLibrary {
        WorkflowLibrary(directories: workflowDirectories, roleDirectories: roleDirectories)
    }

    package init(
        stateLocation: StateLocation,
        toolsets: [Toolset] = [.server] + Toolset.defaultSelection,
        approver: ApproverMode = .agent,
        workflowDirectories: [String] = [],
        roleDirectories: [String]? = nil,
        logLevel: LogLevel = .warning,
        pageSize: Int = 100,
        maximumJSONDepth: Int = JSONParser.defaultMaximumDepth,
        leaseSeconds: Int = 30 * 60,
        lockWaitSeconds: Double = 10,
        clock: WallClock = .system,
        stateReason: String? = nil,
        stateNotice: String? = nil
    ) {
        self.stateLocation = stateLocation
        self.stateReason = stateReason ?? stateLocation.reason(home: nil)
        self.stateNotice = stateNotice
        self.toolsets = toolsets
        self.approver = approver
        self.workflowDirectories = workflowDirectories
        self.roleDirectories = roleDirectories ?? workflowDirectories
        self.logLevel = logLevel
        self.pageSize = pageSize
        self.maximumJSONDepth = maximumJSONDepth
        self.leaseSeconds = leaseSeconds
        self.lockWaitSeconds = lockWaitSeconds
        self.clock = clock
    }
}
