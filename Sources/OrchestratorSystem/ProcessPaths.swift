#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths a process needs about itself, without Foundation's `Bundle` or `NSString` (which would link
/// all of Foundation and ICU into the server).
package enum ProcessPaths {
    /// The running executable's real path.
    package static func executable() -> String? {
        #if os(Linux)
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                    readlink("/proc/self/exe", $0, pointer.count - 1)
                }
            }
            guard count > 0 else { return nil }
            return String(decoding: buffer[..<count], as: UTF8.self)
        #else
            var size: UInt32 = 4096
            var buffer = [CChar](repeating: 0, count: Int(size))
            guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
            return buffer.withUnsafeBufferPointer { String(validatingCString: $0.baseAddress!) }
        #endif
    }

    /// `$HOME`, else the user database's home directory.
    package static func home(environment: [String: String]) -> String? {
        if let home = environment["HOME"], !home.isEmpty { return home }
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    /// The folder part of a path (`/a/b` for `/a/b/c`, `/` for `/a`, `.` for `c`).
    package static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `~` and `~/…` made absolute with `home`; other paths unchanged.
    package static func expandingTilde(_ path: String, home: String?) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }
}

/// A mutual-exclusion lock over a pthread mutex (Foundation's `NSLock` would link all of Foundation;
/// `Synchronization.Mutex` needs macOS 15).
package final class Lock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    package init() { pthread_mutex_init(mutex, nil) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func withLock<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
