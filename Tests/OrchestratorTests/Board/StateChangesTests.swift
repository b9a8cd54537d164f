import Foundation
import OrchestratorSystem
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one source of "the state changed": every subscriber is woken by a save of the file or by an
/// announcement, and stopping the hub ends every subscription.
struct StateChangesTests {
    /// Waits for `descriptor` to become readable; the deadline is only for failing.
    private func readable(_ descriptor: Int32) -> Bool {
        var ready = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        return poll(&ready, 1, 30_000) == 1
    }

    @Test func anAnnouncementWakesEverySubscriberOnce() throws {
        let hub = StateChanges()
        let first = try #require(hub.subscribe())
        let second = try #require(hub.subscribe())
        #expect(StateChanges.drain(first) == .nothing)
        hub.announce()
        hub.announce()
        #expect(readable(first) && readable(second))
        #expect(StateChanges.drain(first) == .changed)
        #expect(StateChanges.drain(first) == .nothing, "two announcements before a look are one change")
        #expect(StateChanges.drain(second) == .changed)
        hub.unsubscribe(first)
        hub.unsubscribe(second)
    }

    @Test func aSaveOfTheFileWakesSubscribersAndStoppingEndsThem() throws {
        let folder = TemporaryDirectory.make()
        let path = folder + "/state.json"
        try "{}".write(toFile: path, atomically: true, encoding: .utf8)
        let hub = StateChanges(watching: path)
        let subscription = try #require(hub.subscribe())
        try "{\"a\":1}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(readable(subscription))
        #expect(StateChanges.drain(subscription) == .changed)
        hub.stop()
        #expect(readable(subscription))
        #expect(StateChanges.drain(subscription) == .closed, "a stopped hub ends its subscriptions")
        #expect(hub.subscribe() == nil, "a stopped hub takes no new subscriber")
        hub.unsubscribe(subscription)
    }
}
