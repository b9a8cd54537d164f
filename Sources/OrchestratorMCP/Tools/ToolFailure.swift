package import OrchestratorCore
internal import OrchestratorJSON

/// Why a tool call did not succeed. Rendered in one place (`ToolResultRenderer`).
package enum ToolFailure: Error, Equatable {
    /// The arguments do not match the input schema; names the field and what it expects.
    case invalidArguments(SchemaViolation)
    /// A rule of the domain refuses the call. `code` is stable for machines; `message` is one
    /// sentence that says what to do instead.
    case refused(code: String, message: String)
    /// A rule of the core refused the call; its remedy is worded with the enabled tools when the
    /// result is rendered (`RefusalWording`).
    case rule(OrchestratorError)
    /// Something failed that the caller could not have prevented (a storage error, …).
    case failed(code: String, message: String)
}

extension ToolFailure {
    /// A rule of the core refused the call.
    package init(_ refusal: OrchestratorError) {
        self = .rule(refusal)
    }

    /// The state could not be read or saved.
    package init(_ problem: PersistenceError) {
        self = .failed(code: problem.code, message: problem.description)
    }
}
