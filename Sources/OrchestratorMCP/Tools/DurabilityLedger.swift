package import OrchestratorCore

/// The durability of every change one tool call made. The server awaits them all before the
/// call's answer goes out, so the answer is built while the disk flushes but never sent before
/// the change is safe; a change that could not be saved turns the answer into that failure.
package final class DurabilityLedger {
    private var pending: [Durability] = []

    package init() {}

    package func record(_ durability: Durability) {
        pending.append(durability)
    }

    /// Waits for every recorded change; returns the first failure, if any.
    package func wait() -> PersistenceError? {
        defer { pending.removeAll() }
        var first: PersistenceError?
        for durability in pending {
            if let failure = durability.wait(), first == nil { first = failure }
        }
        return first
    }
}
