package import OrchestratorJSON

/// What the client reports about the step it just worked on (`advance_workflow`'s `report`).
package struct StepReport: Sendable, Equatable {
    /// The step the client worked on; must be the run's current step.
    package let stepID: String
    /// How it went: `success`, `failure`, or any word the step's rules use.
    package let status: String
    package let result: JSONValue?
    package let message: String?
    package let error: String?
    package let details: JSONValue?

    package init(
        stepID: String, status: String, result: JSONValue? = nil, message: String? = nil, error: String? = nil,
        details: JSONValue? = nil
    ) {
        self.stepID = stepID
        self.status = status
        self.result = result
        self.message = message
        self.error = error
        self.details = details
    }

    /// The report as the step's task records it in `completedDetails`.
    package var summary: String {
        var lines = ["Outcome: \(status)"]
        if let message, !message.isBlank { lines.append("Message: \(message)") }
        if let error, !error.isBlank { lines.append("Error: \(error)") }
        if let result {
            if case .string(let text) = result {
                lines.append("Result: \(text)")
            } else {
                lines.append("Result: \(result)")
            }
        }
        if let details { lines.append("Details: \(details)") }
        return lines.joined(separator: "\n")
    }
}
