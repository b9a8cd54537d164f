internal import OrchestratorCore
package import OrchestratorMCP

extension ServerIdentity {
    /// This program: its name and version, and a few sentences that teach a model how to use it.
    package static let orchestrator = ServerIdentity(
        name: ProductInfo.name, version: ProductInfo.version, title: ProductInfo.title, summary: ProductInfo.summary,
        instructions: """
            mcp-orchestrator keeps plans and workflow runs in a state file that survives restarts. \
            Plan a user's request into tasks with dependencies, then loop: ask for the next task, do it, mark it done \
            with details of what you did, and wait for approval when the server says a task awaits approval; the \
            server enforces these gates, so follow its answers rather than guessing. For a repeatable process, \
            list_workflows and start_workflow, then do each step's instructions and report with advance_workflow. \
            Every refusal names a code and what to do instead. Call server_info to see the state file, the enabled tool sets and the protocol revision.
            """)
}
