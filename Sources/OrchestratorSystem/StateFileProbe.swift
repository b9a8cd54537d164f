#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What can be said about the state file without reading or changing it.
///
/// `server_info` reports this so a user can see at once whether the server is looking at the file
/// they expect.
package struct StateFileProbe: Sendable, Equatable {
    package enum Condition: Sendable, Equatable {
        /// No file yet; it is created on the first change.
        case notCreated
        /// A regular file we may read.
        case readable(byteCount: Int)
        /// Present but unusable; the sentence says why.
        case unusable(String)
    }

    package let location: StateLocation
    package let condition: Condition

    package static func probe(_ location: StateLocation) -> StateFileProbe {
        var info = stat()
        guard stat(location.path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return StateFileProbe(location: location, condition: .notCreated) }
            return StateFileProbe(location: location, condition: .unusable(SystemError.sentence(for: code)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return StateFileProbe(location: location, condition: .unusable("it is not a regular file"))
        }
        guard access(location.path, R_OK) == 0 else {
            return StateFileProbe(location: location, condition: .unusable(SystemError.sentence(for: errno)))
        }
        return StateFileProbe(location: location, condition: .readable(byteCount: Int(info.st_size)))
    }

    package var exists: Bool {
        if case .notCreated = condition { return false }
        return true
    }

    package var isReadable: Bool {
        if case .readable = condition { return true }
        return false
    }
}
