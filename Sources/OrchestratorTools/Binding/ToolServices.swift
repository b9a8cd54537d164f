package import OrchestratorCore
package import OrchestratorEvidence
internal import OrchestratorSystem
package import OrchestratorWorkflows

/// What every tool of one server shares: the use cases, the workflows and the launch's settings.
/// `main` builds it once and binds the tools to it (`ShippedTools.content(for:)`).
///
/// Shared as the front end arranged: the stdio server uses its store from its one thread, and the
/// shared server's conversations share a `SerializedPersistence`, which takes one call at a time. The
/// workflow library locks its own cache.
package struct ToolServices: @unchecked Sendable {
    package let orchestrator: Orchestrator
    package let workflows: WorkflowLibrary
    package let settings: OrchestratorSettings
    /// Records what each task changes in the working tree the server runs in; `nil` where the server
    /// runs in no agent's tree (the shared server) or evidence is turned off.
    package let evidence: EvidenceRecorder?
    /// Runs the project's trusted checks on work marked done; `nil` where the server runs in no
    /// agent's tree (the shared server).
    package let checks: ChecksRunner?
    /// The archive's search index, kept while the archive stays as it is (it only grows).
    private let archiveIndex = Locked<(key: String, index: SearchIndex)?>(nil)

    package init(
        orchestrator: Orchestrator, workflows: WorkflowLibrary, settings: OrchestratorSettings,
        evidence: EvidenceRecorder? = nil, checks: ChecksRunner? = nil
    ) {
        self.orchestrator = orchestrator
        self.workflows = workflows
        self.settings = settings
        self.evidence = evidence
        self.checks = checks
    }

    /// The search index of `archived` (as `orchestrator.archived()` gives it), made once for each
    /// version of the archive: searching years of work then reads one buffer.
    package func searchIndex(of archived: [ArchivedRequest]) -> SearchIndex {
        let key =
            "\(archived.count) \(archived.last?.request.id.rawValue ?? "") \(archived.last?.archivedAt.description ?? "")"
        if let kept = archiveIndex.current, kept.key == key { return kept.index }
        let index = SearchIndex(archived.map(\.request))
        archiveIndex.withLock { $0 = (key, index) }
        return index
    }

    /// Reads the state file (a `stat` when nothing changed) for its revision or its problem. Only the
    /// reports that show it call this, so ordinary tool calls do no extra I/O.
    package var stateCondition: StateCondition {
        do {
            let snapshot = try orchestrator.read()
            return StateCondition(
                revision: snapshot.revision, requestCount: snapshot.state.requests.count,
                problem: snapshot.readOnlyReason?.description,
                warnings: snapshot.state.danglingDependencies.map(\.description))
        } catch {
            return StateCondition(revision: nil, requestCount: nil, problem: error.description, warnings: [])
        }
    }
}

/// The state file as the store last read it: its revision, or why it cannot be used.
package struct StateCondition: Sendable, Equatable {
    /// The file's `revision` (0 before it exists), when it could be read.
    package let revision: Int?
    package let requestCount: Int?
    /// Why the file cannot be used, or why it is read-only (a newer schema).
    package let problem: String?
    /// What is wrong inside a file that can be used: tasks that can never start (a hand edit).
    package let warnings: [String]
}
