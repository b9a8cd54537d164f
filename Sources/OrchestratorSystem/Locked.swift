/// A value behind a lock: the one way a class shared between threads keeps mutable state, so the
/// class itself can be `Sendable` without `@unchecked` (the lock is the only unchecked part).
package final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = Lock()

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, alone.
    package func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure)
        -> Result
    {
        try lock.withLock { () throws(Failure) -> Result in try body(&value) }
    }

    /// The value now (a copy).
    package var current: Value { withLock { $0 } }
}
