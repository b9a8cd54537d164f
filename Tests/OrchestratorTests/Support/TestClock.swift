import Foundation
import OrchestratorCore

/// A clock tests move by hand, so leases expire without sleeping.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Timestamp

    /// 2026-11-21T09:00:00.000Z by default.
    init(_ start: Timestamp = Timestamp(millisecondsSince1970: 1_795_251_600_000)) {
        current = start
    }

    var now: Timestamp { lock.withLock { current } }

    func advance(seconds: Int) {
        lock.withLock { current = current.adding(seconds: seconds) }
    }

    var wallClock: WallClock { WallClock { [self] in now } }
}

/// A fresh folder under the system's temporary directory for one test.
enum TemporaryDirectory {
    static func make() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("orchestrator-\(UUID().uuidString)")
            .path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
