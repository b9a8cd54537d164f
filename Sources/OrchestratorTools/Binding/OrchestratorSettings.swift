package import OrchestratorCore
internal import OrchestratorJSON
package import OrchestratorMCP
package import OrchestratorSystem
package import OrchestratorWorkflows

/// What the domain needs to know from launch, already validated: the state file and why, the tool
/// sets, who approves, where workflows come from, the lease and the lock wait, and the clock.
package struct OrchestratorSettings: Sendable {
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
    /// How long a claim from `get_next_task` lasts before the task returns to pending.
    package var leaseSeconds: Int
    /// How long a change waits for another process's lock on the state file.
    package var lockWaitSeconds: Double
    /// Where "now" comes from; tests inject a fixed clock.
    package var clock: WallClock
    /// Told what waits for the person after each change (the notify command); `nil` for none.
    package var observer: (any PersonEventObserver)?
    /// The git working tree and branch the server runs in (`nil` outside git, and for the shared server).
    package var origin: WorkRequest.Origin?

    package init(
        stateLocation: StateLocation,
        toolsets: [Toolset] = [.server] + Toolset.defaultSelection,
        approver: ApproverMode = .agent,
        workflowDirectories: [String] = [],
        roleDirectories: [String]? = nil,
        leaseSeconds: Int = 30 * 60,
        lockWaitSeconds: Double = 10,
        clock: WallClock = .system,
        stateReason: String? = nil,
        stateNotice: String? = nil,
        observer: (any PersonEventObserver)? = nil,
        origin: WorkRequest.Origin? = nil
    ) {
        self.observer = observer
        self.origin = origin
        self.stateLocation = stateLocation
        self.stateReason = stateReason ?? stateLocation.reason(home: nil)
        self.stateNotice = stateNotice
        self.toolsets = toolsets
        self.approver = approver
        self.workflowDirectories = workflowDirectories
        self.roleDirectories = roleDirectories ?? workflowDirectories
        self.leaseSeconds = leaseSeconds
        self.lockWaitSeconds = lockWaitSeconds
        self.clock = clock
    }

    /// The orchestrator these settings describe, over `persistence`: the one `main` builds.
    package func orchestrator(over persistence: any StatePersistence) -> Orchestrator {
        Orchestrator(
            persistence: persistence, clock: clock, leaseSeconds: leaseSeconds, approver: approver, observer: observer,
            origin: origin)
    }

    /// The workflow library these settings name.
    package func workflowLibrary() -> WorkflowLibrary {
        WorkflowLibrary(directories: workflowDirectories, roleDirectories: roleDirectories)
    }

    /// The protocol's side of the launch, with the same clock: who the server is, and its limits.
    package func serverConfiguration(
        logLevel: LogLevel = .warning, pageSize: Int = 100, maximumJSONDepth: Int = JSONParser.defaultMaximumDepth
    ) -> ServerConfiguration {
        let clock = clock
        return ServerConfiguration(
            identity: .orchestrator, now: { clock.now().millisecondsSince1970 }, logLevel: logLevel,
            pageSize: pageSize, maximumJSONDepth: maximumJSONDepth)
    }
}
