#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells when the state file may have changed, from any process: a descriptor that becomes readable.
///
/// On Linux it is inotify on the file's folder (every save renames a new file into place, so the
/// folder, not the old inode, is what to watch), filtered to the file's name. Where inotify is not
/// available the descriptor is `nil` and callers poll `changed()` after a short sleep, which compares
/// the file's `stat` identity.
package final class StateFileWatcher {
    /// Readable when a change may have happened; `nil` when only polling works here.
    package let descriptor: Int32?
    /// How long a caller without a descriptor sleeps between `changed()` polls.
    package static let pollMilliseconds: Int32 = 50
    private let path: String
    private let name: [UInt8]
    private var identity: FileIdentity?

    package init(path: String) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) }.flatMap { $0.isEmpty ? "/" : $0 } ?? "."
        name = Array((slash.map { String(path[path.index(after: $0)...]) } ?? path).utf8)
        identity = Self.identity(of: path)
        #if os(Linux)
            let handle = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
            if handle >= 0, inotify_add_watch(handle, folder, mask) >= 0 {
                descriptor = handle
            } else {
                if handle >= 0 { close(handle) }
                descriptor = nil
            }
        #else
            _ = folder
            descriptor = nil
        #endif
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// Consumes what the descriptor reported (or polls), and says whether the state file's identity
    /// changed since the last call. Never blocks.
    package func changed() -> Bool {
        if let descriptor {
            var buffer = [UInt8](repeating: 0, count: 8192)
            var mentioned = false
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                mentioned = mentioned || Self.names(in: buffer[0..<count]).contains(name)
            }
            guard mentioned else { return false }
        }
        let now = Self.identity(of: path)
        defer { identity = now }
        return now != identity
    }

    /// The file names inotify events carry (`struct inotify_event`: wd, mask, cookie, len, name).
    private static func names(in events: ArraySlice<UInt8>) -> [[UInt8]] {
        var names: [[UInt8]] = []
        var offset = events.startIndex
        let header = 16
        while offset + header <= events.endIndex {
            let length = Int(
                events.withUnsafeBytes {
                    $0.loadUnaligned(fromByteOffset: offset - events.startIndex + 12, as: UInt32.self)
                })
            let start = offset + header
            let end = min(start + length, events.endIndex)
            names.append(Array(events[start..<end].prefix { $0 != 0 }))
            offset = start + length
        }
        return names
    }

    private static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        return stat(path, &info) == 0 ? FileIdentity(info) : nil
    }
}
