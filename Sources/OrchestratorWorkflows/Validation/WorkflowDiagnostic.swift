/// A problem found in a workflow definition, at the line a person has to change, with a sentence
/// that says how to fix it.
package struct WorkflowDiagnostic: Sendable, Equatable, CustomStringConvertible {
    package enum Severity: String, Sendable {
        /// The workflow cannot run until it is fixed.
        case error
        /// The workflow runs, but something is probably not what its author meant.
        case warning
    }

    package let severity: Severity
    /// The file relative to the workflows directory (`refactor/steps/run_tests.md`).
    package var file: String
    package let line: Int
    package let message: String
    package let fixIt: String

    package init(_ severity: Severity, at location: SourceLocation, _ message: String, fixIt: String) {
        self.severity = severity
        self.file = location.file
        self.line = location.line
        self.message = message
        self.fixIt = fixIt
    }

    /// `file:line: error: message. Fix: …`, the form editors and terminals recognise.
    package var description: String { "\(file):\(line): \(severity.rawValue): \(message). Fix: \(fixIt)" }

    /// The same diagnostic with its file placed under `prefix` (the workflow's folder name).
    package func located(under prefix: String) -> WorkflowDiagnostic {
        var copy = self
        copy.file = prefix.isEmpty ? file : "\(prefix)/\(file)"
        return copy
    }
}
