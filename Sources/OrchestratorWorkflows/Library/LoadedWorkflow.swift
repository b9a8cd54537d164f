package import OrchestratorCore

/// One workflow folder as last read: its definition when it has no errors, and its diagnostics.
package struct LoadedWorkflow: Sendable {
    package let name: String
    /// The workflows directory it came from.
    package let directory: String
    /// `nil` when the folder has errors; `diagnostics` says which.
    package let definition: WorkflowDefinition?
    /// Files relative to the workflows directory (`refactor/steps/run.md:12: error: …`).
    package let diagnostics: [WorkflowDiagnostic]

    package var folder: String { "\(directory)/\(name)" }
    package var errors: [WorkflowDiagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [WorkflowDiagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The definition, or the refusal naming its first errors.
    package func runnable() throws(OrchestratorError) -> WorkflowDefinition {
        guard let definition else { throw .workflowInvalid(name, problems: errors.prefix(3).map(\.description)) }
        return definition
    }
}
