import OrchestratorCore
import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// Refusals name tools by their role, not by a name written in the wording: whatever a tool is
/// called, the remedy names it, and a remedy no enabled tool has a role for is left out.
struct RefusalRolesTests {
    /// A tool known only by its name and roles.
    struct RoleTool: MCPTool {
        let name: String
        let roles: [ToolRole]
        let title = "t"
        let description = "d"
        let family = "server"
        let inputSchema: JSONValue = ["type": "object"]
        let outputSchema: JSONValue = ["type": "object"]
        let annotations = ToolAnnotations.readOnly

        func call(_ call: ToolCall) throws(ToolFailure) -> ToolOutcome {
            .complete(ToolOutput(structured: [:], text: ""))
        }
    }

    @Test func aRemedyNamesWhicheverToolHasTheRole() {
        let wording = RefusalWording(enabled: [
            RoleTool(name: "take_one", roles: [.claim]), RoleTool(name: "done_with_it", roles: [.finish]),
        ])
        let sentence = wording.sentence(for: OrchestratorError.taskNotStarted(WorkTask.ID("task-1")))
        #expect(
            sentence.hasSuffix("Take it with take_one, do the work, then finish it with done_with_it."), "\(sentence)")
        // No tool lists requests: the remedy is left out, the facts stay.
        #expect(
            wording.sentence(for: OrchestratorError.requestNotFound(WorkRequest.ID("req-9")))
                == "No request has the id req-9.")
    }

    @Test func theFirstEnabledToolWithTheRoleIsNamed() {
        let wording = RefusalWording(enabled: [
            RoleTool(name: "first", roles: [.seeRequests]), RoleTool(name: "second", roles: [.seeRequests, .seeTasks]),
        ])
        #expect(
            wording.sentence(for: OrchestratorError.requestNotFound(WorkRequest.ID("r"))).contains(
                "Call first to see the requests"))
        #expect(
            wording.sentence(for: OrchestratorError.taskNotFound(WorkTask.ID("t"), in: WorkRequest.ID("r"))).contains(
                "Call second to see the tasks of r"))
    }

    @Test func everyShippedRemedyHasATool() {
        // The default sets name a tool for every role the wording uses.
        let enabled = Set([.server] + Toolset.defaultSelection)
        let roles = Set(ShippedTools.all.filter { !enabled.isDisjoint(with: $0.toolsets) }.flatMap(\.roles))
        let used: Set<ToolRole> = [
            .seeRequests, .seeTasks, .planWork, .addTask, .restore, .claim, .finish, .approve, .reject, .advanceRun,
            .seeWorkflows, .startRun, .reconcileRun,
        ]
        #expect(used.isSubset(of: roles), "\(used.subtracting(roles))")
    }
}
