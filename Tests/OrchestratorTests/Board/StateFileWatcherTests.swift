import Foundation
import OrchestratorSystem
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The watcher says "changed" for a save of the state file (a rename into place, as every save is) and
/// not for a neighbour's file in the same folder.
struct StateFileWatcherTests {
    private func save(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aSaveIsSeenAndANeighbourIsNot() throws {
        let folder = TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/state.json"
        try save("{}", to: path)
        let watcher = StateFileWatcher(path: path)
        #expect(!watcher.changed())
        try save("{\"a\":1}", to: folder + "/other.json")
        #expect(!watcher.changed())
        try save("{\"b\":2}", to: path)
        #expect(watcher.changed())
        #expect(!watcher.changed(), "the same save is reported once")
        if let descriptor = watcher.descriptor {
            var ready = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
            try save("{\"c\":3}", to: path)
            #expect(poll(&ready, 1, 0) == 1, "a save makes the descriptor readable at once")
            #expect(watcher.changed())
        }
    }
}
