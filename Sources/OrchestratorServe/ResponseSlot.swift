internal import OrchestratorJSON
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the server has said about one client request, waiting for its HTTP response to carry it:
/// notifications and questions first, the response last. The pipe wakes the connection that streams it.
final class ResponseSlot: @unchecked Sendable {
    private let lock = Lock()
    private var queued: [JSONValue] = []
    private var answered = false
    /// Readable when something was queued.
    let wake: Int32
    private let signal: Int32

    init?() {
        guard let ends = FileSystem.nonBlockingPipe() else { return nil }
        wake = ends.read
        signal = ends.write
    }

    deinit {
        close(wake)
        close(signal)
    }

    /// Queues a message; `final` when it is the response, after which nothing more belongs here.
    func push(_ message: JSONValue, final: Bool) {
        lock.withLock {
            guard !answered else { return }
            queued.append(message)
            if final { answered = true }
        }
        var byte: UInt8 = 1
        _ = write(signal, &byte, 1)
    }

    /// Everything queued since the last call, and whether the response is among what was taken.
    func take() -> (messages: [JSONValue], answered: Bool) {
        var bytes = [UInt8](repeating: 0, count: 64)
        while bytes.withUnsafeMutableBytes({ read(wake, $0.baseAddress, $0.count) }) > 0 {}
        return lock.withLock {
            defer { queued.removeAll() }
            return (queued, answered)
        }
    }
}
