internal import OrchestratorBoardPage
internal import OrchestratorCore
internal import OrchestratorEvidence
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorSystem

/// `app_board_view`: the board's view of the plans, for its page inside the host. With
/// `afterRevision` and `waitSeconds` it answers once the plans have moved past that revision, so the
/// page follows every change with one call waiting at a time. Only the app calls it.
package struct BoardViewAppTool: OrchestratorTool {
    package let name = "app_board_view"
    package let title = "The board's view"
    package let description = "The board app's view of every plan; with afterRevision it waits for the next change."
    package let toolset = Toolset.core
    package let annotations = ToolAnnotations.readOnly
    package let ui: ToolUI? = .boardOnly

    enum Arguments {
        static let afterRevision = Argument.value(
            "afterRevision", ["type": "integer", "minimum": 0, "description": "Answer once past this revision."])
    }
    package let inputSchema = ToolArguments.schema(Arguments.afterRevision, Argument.waitSeconds)
    /// The board's view, whose shape is declared with the function that writes it.
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = BoardView.schema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let snapshot: StateSnapshot
        do { snapshot = try invocation.orchestrator.read() } catch { throw ToolFailure(error) }
        if let after = invocation[Arguments.afterRevision]?.intValue, snapshot.revision <= after,
            invocation.mayWait
        {
            return .waiting(for: "a change to the plans")
        }
        let configuration = invocation.settings
        let environment = ProcessEnvironment.current
        let view = BoardView.json(
            snapshot.state, revision: snapshot.revision, stateFile: configuration.stateLocation.path,
            stateReason: configuration.stateReason, approver: invocation.appPerson, archived: nil
        ) {
            EvidenceRecorder.diffs(of: $0, environment: environment, statePath: configuration.stateLocation.path)
        }
        let waiting = view["needsYou"]?.arrayValue?.count ?? 0
        return .complete(
            ToolOutput(
                structured: view,
                text: "Revision \(snapshot.revision): \(waiting) item\(waiting == 1 ? "" : "s") wait for the person."))
    }
}
