package import OrchestratorCore

/// The state as last read or written, and what may be done with it.
package struct StateSnapshot: Sendable {
    package let state: OrchestratorState
    /// The file's `revision`; 0 before the file exists.
    package let revision: Int
    /// Set when the file can be read but must not be written (a newer schema).
    package let readOnlyReason: StorageError?
}
