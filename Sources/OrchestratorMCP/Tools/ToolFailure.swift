/// Why a tool call did not succeed. Rendered in one place (`ToolResultRenderer`).
package enum ToolFailure: Error {
    /// The arguments do not match the input schema; names the field and what it expects.
    case invalidArguments(SchemaViolation)
    /// A rule of the domain refuses the call. `code` is stable for machines; `message` is one
    /// sentence that says what to do instead.
    case refused(code: String, message: String)
    /// A rule of the domain refused the call; its remedy is worded with the enabled tools when the
    /// result is rendered (`RefusalWording`).
    case rule(any RuleRefusal)
    /// Something failed that the caller could not have prevented (a storage error, …).
    case failed(code: String, message: String)
}

extension ToolFailure: Equatable {
    /// Two rule refusals are equal when they say the same: the same code and facts.
    package static func == (left: ToolFailure, right: ToolFailure) -> Bool {
        switch (left, right) {
        case (.invalidArguments(let one), .invalidArguments(let other)): one == other
        case (.refused(let code, let message), .refused(let otherCode, let otherMessage)),
            (.failed(let code, let message), .failed(let otherCode, let otherMessage)):
            code == otherCode && message == otherMessage
        case (.rule(let one), .rule(let other)): one.code == other.code && one.description == other.description
        default: false
        }
    }
}
