#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns `errno` values into sentences fit for a user (never `localizedDescription`): the system's
/// words and the constant's name, which is what a person searches for ("no space left on device
/// (ENOSPC)").
package enum SystemError {
    package static func sentence(for code: Int32) -> String {
        let words = strerror(code).map { String(cString: $0).lowercased() } ?? "system error"
        return "\(words) (\(name(of: code)))"
    }

    /// The constant's name for the errors a file operation meets, else `errno N`.
    package static func name(of code: Int32) -> String {
        let names: [(Int32, String)] = [
            (EPERM, "EPERM"), (ENOENT, "ENOENT"), (EIO, "EIO"), (EBADF, "EBADF"), (EACCES, "EACCES"),
            (EBUSY, "EBUSY"), (EEXIST, "EEXIST"), (EXDEV, "EXDEV"), (ENOTDIR, "ENOTDIR"), (EISDIR, "EISDIR"),
            (EINVAL, "EINVAL"), (ENFILE, "ENFILE"), (EMFILE, "EMFILE"), (EFBIG, "EFBIG"), (ENOSPC, "ENOSPC"),
            (EROFS, "EROFS"), (ELOOP, "ELOOP"), (ENAMETOOLONG, "ENAMETOOLONG"), (ENOTEMPTY, "ENOTEMPTY"),
            (EDQUOT, "EDQUOT"), (EWOULDBLOCK, "EWOULDBLOCK"), (EINTR, "EINTR"),
        ]
        return names.first { $0.0 == code }?.1 ?? "errno \(code)"
    }
}
