/// The state as last read or written, and what may be done with it.
package struct StateSnapshot: Sendable {
    package let state: OrchestratorState
    /// The store's `revision`; 0 before anything was stored.
    package let revision: Int
    /// Set when the state can be read but must not be written (a file of a newer schema).
    package let readOnlyReason: PersistenceError?

    package init(state: OrchestratorState, revision: Int, readOnlyReason: PersistenceError?) {
        self.state = state
        self.revision = revision
        self.readOnlyReason = readOnlyReason
    }
}
