/// Who may approve a completed task (launch option `--approver`).
package enum ApproverMode: String, CaseIterable, Sendable {
    /// The model's approve calls approve. The default, for attended use where the person watches the chat.
    case agent
    /// Only the person approves: through client elicitation, or the `approve` command line.
    case human
}
