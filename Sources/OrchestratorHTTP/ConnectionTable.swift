internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The open connections, and which of them give way when the server is full.
///
/// A connection waiting for a request head (just accepted, or idle between requests) holds a thread
/// and a descriptor for nothing. When the server is full, or one peer address holds its share, the
/// connection that has waited longest gives way to the new one: first those that never sent a
/// byte, then idle kept-alive ones. A connection whose request is being served never gives way, so
/// clients that send requests (an agent with its token) are served while sockets held open without
/// one are shed.
final class ConnectionTable: @unchecked Sendable {
    /// One open connection's state, updated by its own thread.
    final class Entry: @unchecked Sendable {
        let connection: SocketConnection
        let peer: String
        fileprivate var awaitingHead = true
        fileprivate var sentAnything = false
        fileprivate var since: Int64
        fileprivate var shed = false

        init(connection: SocketConnection, peer: String) {
            self.connection = connection
            self.peer = peer
            since = Monotonic.milliseconds()
        }
    }

    private let maximum: Int
    private let perPeer: Int
    private var entries: [ObjectIdentifier: Entry] = [:]
    private var perPeerCount: [String: Int] = [:]
    private let lock = Lock()

    init(maximum: Int, perPeer: Int) {
        self.maximum = maximum
        self.perPeer = max(1, min(perPeer, maximum))
    }

    var count: Int { lock.withLock { entries.count } }

    /// Admits a connection from `peer`, shedding a waiting one when the server or the peer is full;
    /// `nil` when every connection that counts is being served.
    func admit(_ connection: SocketConnection, peer: String) -> Entry? {
        lock.withLock {
            if perPeerCount[peer, default: 0] >= perPeer {
                guard shedOne(from: peer) else { return nil }
            }
            if entries.count >= maximum {
                guard shedOne(from: nil) else { return nil }
            }
            let entry = Entry(connection: connection, peer: peer)
            entries[ObjectIdentifier(entry)] = entry
            perPeerCount[peer, default: 0] += 1
            return entry
        }
    }

    /// Frees room by shedding one waiting connection: for descriptors when `accept` ran out of them.
    @discardableResult
    func shedOneWaiting() -> Bool { lock.withLock { shedOne(from: nil) } }

    /// The connection's request head is complete: it is served and is not shed.
    func serving(_ entry: Entry) {
        lock.withLock {
            entry.awaitingHead = false
            entry.sentAnything = true
        }
    }

    /// The connection waits for its next request (kept alive).
    func waiting(_ entry: Entry) {
        lock.withLock {
            entry.awaitingHead = true
            entry.since = Monotonic.milliseconds()
        }
    }

    /// The connection's thread is done with it.
    func remove(_ entry: Entry) {
        lock.withLock { forget(entry) }
    }

    /// Sheds the waiting connection (of `peer`, when given) that never sent anything and waited
    /// longest, else the longest-idle kept-alive one. Call with the lock held.
    private func shedOne(from peer: String?) -> Bool {
        var chosen: Entry?
        for entry in entries.values where entry.awaitingHead && !entry.shed && (peer == nil || entry.peer == peer) {
            guard let best = chosen else {
                chosen = entry
                continue
            }
            if (!entry.sentAnything && best.sentAnything)
                || (entry.sentAnything == best.sentAnything && entry.since < best.since)
            {
                chosen = entry
            }
        }
        guard let victim = chosen else { return false }
        victim.shed = true
        forget(victim)
        // Its thread is in poll or recv on the descriptor: shutting the socket down wakes it, and it ends.
        shutdown(victim.connection.descriptor, Int32(SHUT_RDWR))
        return true
    }

    private func forget(_ entry: Entry) {
        guard entries.removeValue(forKey: ObjectIdentifier(entry)) != nil else { return }
        perPeerCount[entry.peer, default: 1] -= 1
        if perPeerCount[entry.peer] == 0 { perPeerCount[entry.peer] = nil }
    }
}
