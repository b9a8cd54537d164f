#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The handful of POSIX calls storage needs, each turning `errno` into a sentence.
package enum FileSystem {
    /// A failed call: what we tried and why it failed.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String

        package init(_ action: String, _ path: String, _ code: Int32 = errno) {
            description = "\(action) \(path): \(SystemError.sentence(for: code))"
        }

        package init(message: String) { description = message }
    }

    /// Creates `path` and missing parents with owner-only permissions (like `mkdir -p`).
    package static func createDirectories(_ path: String) throws(Failure) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Failure("cannot use", path, ENOTDIR) }
            return
        }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try createDirectories(String(path[..<slash]))
        }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw Failure("cannot create the folder", path) }
    }

    /// Refuses a folder that exists but that this user may not enter (another user's, owner-only):
    /// said as "permission denied" instead of looking like a folder with no state in it.
    package static func requireEnterable(_ path: String) throws(Failure) {
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == EACCES { throw Failure("cannot use the folder", path) }
            return
        }
        if access(path, X_OK) != 0, errno == EACCES { throw Failure("cannot use the folder", path) }
    }

    /// A pipe whose two ends never block (a wake-up channel between threads), or `nil` when the
    /// process has no descriptors left.
    package static func nonBlockingPipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return (ends[0], ends[1])
    }

    /// Whether `path` is a directory (following links).
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is a regular file (following links).
    package static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The permission bits of the file at `path`, or `nil` when there is none.
    package static func permissions(_ path: String) -> UInt32? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt32(info.st_mode) & 0o7777 : nil
    }

    /// Gives the file at `path` these permission bits.
    package static func setPermissions(_ path: String, _ bits: UInt32) throws(Failure) {
        if chmod(path, mode_t(bits)) != 0 { throw Failure("cannot set the permissions of", path) }
    }

    /// Renames `source` to `target`, replacing nothing that is a folder.
    package static func move(_ source: String, to target: String) throws(Failure) {
        if rename(source, target) != 0 { throw Failure("cannot move \(source) to", target) }
    }

    /// Writes `bytes` as the file at `path`, owner-only, durably and atomically (a reader sees the
    /// old file or the new one), never through a symbolic link planted at its temporary name.
    package static func replaceFile(_ path: String, with bytes: [UInt8]) throws(Failure) {
        try DurableReplacement(path: path, directory: ProcessPaths.parent(of: path)).write(bytes).release()
    }

    /// Writes a small owner-only file that needs no durability (it describes running processes):
    /// written under a name of this process's own and renamed over `path`, never through a link.
    package static func replaceSmallFile(_ path: String, with bytes: [UInt8]) throws(Failure) {
        let temporary = "\(path).\(getpid()).tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure("cannot create", temporary) }
        do {
            try writeAll(descriptor, bytes, path: temporary)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Failure("cannot write", path, code)
        }
    }

    /// Reads the whole regular file at `path`. The file is opened without blocking and refused unless
    /// it is a regular file, so a FIFO, a device or a socket planted at the path is named in a
    /// sentence instead of hanging the reader.
    package static func readRegularFile(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Failure("cannot read", path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure("cannot inspect", path) }
        try requireRegular(mode: UInt32(info.st_mode), path)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return try readAll(descriptor, path: path, sizeHint: Int(info.st_size))
    }

    /// Refuses what is not a regular file, naming what it is.
    package static func requireRegular(mode: UInt32, _ path: String) throws(Failure) {
        guard let kind = irregularKind(mode: mode) else { return }
        throw Failure(message: "\(path) is \(kind), not a regular file; remove it or point to a real file")
    }

    /// What a file that is not regular is ("a FIFO", "a folder"), or `nil` for a regular file.
    package static func irregularKind(mode: UInt32) -> String? {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): nil
        case UInt32(S_IFIFO): "a FIFO"
        case UInt32(S_IFSOCK): "a socket"
        case UInt32(S_IFCHR), UInt32(S_IFBLK): "a device"
        case UInt32(S_IFDIR): "a folder"
        default: "something else"
        }
    }

    /// Why a file someone else could have written must not be trusted, as ssh says of loose key
    /// files: owned by another user, or writable by the group or others. `nil` when it is fine.
    package static func looseOwnership(owner: UInt32, mode fileMode: UInt32, _ path: String) -> String? {
        if owner != geteuid() {
            return
                "it is owned by another user (uid \(owner)), who could change your plans; use a file of your own (copy it, or pass --state PATH)"
        }
        let mode = fileMode & 0o777
        if mode & 0o022 != 0 {
            return
                "it is writable by \(mode & 0o002 != 0 ? "anyone" : "its group") (mode \(String(mode, radix: 8))), who could change your plans; run chmod 600 \(path)"
        }
        return nil
    }

    /// Reads a whole open file.
    package static func readAll(_ descriptor: Int32, path: String, sizeHint: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let received = bytes.withUnsafeMutableBytes { buffer -> Int in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if received < 0 {
                if errno == EINTR { continue }
                throw Failure("cannot read", path)
            }
            if received == 0 { break }
            count += received
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Writes all of `bytes` to an open file.
    package static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure("cannot write", path)
            }
            // Nothing written for something to write would repeat forever.
            if written == 0 { throw Failure("cannot write", path, EIO) }
            offset += written
        }
    }

    /// Writes pieces one after another as one file's contents, straight from where they are: one
    /// gathered write (`writev`) per `IOV_MAX` pieces, so no document-sized copy is ever made.
    package static func writeAll(_ descriptor: Int32, pieces: [FrozenBytes], path: String) throws(Failure) {
        let batchSize = 1024  // IOV_MAX on Linux and macOS
        var vectors: [iovec] = []
        vectors.reserveCapacity(min(pieces.count, batchSize))
        var next = 0
        while next < pieces.count {
            vectors.removeAll(keepingCapacity: true)
            let batch = pieces[next..<min(next + batchSize, pieces.count)]
            for piece in batch where piece.count > 0 {
                piece.withUnsafeBytes {
                    vectors.append(
                        iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count))
                }
            }
            // The pieces are kept alive by `pieces`, and FrozenBytes never move, so the vectors stay valid.
            try withExtendedLifetime(batch) { () throws(Failure) in try writeVectors(descriptor, &vectors, path: path) }
            next += batch.count
        }
    }

    /// Writes every vector whole, carrying on after a short write where it stopped.
    private static func writeVectors(_ descriptor: Int32, _ vectors: inout [iovec], path: String) throws(Failure) {
        var first = 0
        while first < vectors.count {
            let written = vectors.withUnsafeBufferPointer { buffer in
                writev(descriptor, buffer.baseAddress! + first, Int32(buffer.count - first))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure("cannot write", path)
            }
            if written == 0 { throw Failure("cannot write", path, EIO) }
            var left = written
            while first < vectors.count, left >= vectors[first].iov_len {
                left -= vectors[first].iov_len
                first += 1
            }
            if left > 0 {
                vectors[first].iov_base = vectors[first].iov_base.map { $0 + left }
                vectors[first].iov_len -= left
            }
        }
    }

    /// Flushes a file's data to stable storage (`F_FULLFSYNC` on macOS, where `fsync` is not enough).
    package static func synchronize(_ descriptor: Int32, path: String) throws(Failure) {
        #if canImport(Darwin)
            if fcntl(descriptor, F_FULLFSYNC) == 0 { return }
        #endif
        if fsync(descriptor) != 0 { throw Failure("cannot flush", path) }
    }

    /// Flushes a directory so a rename inside it survives a crash.
    package static func synchronizeDirectory(_ path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure("cannot open the folder", path) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0, errno != EINVAL { throw Failure("cannot flush the folder", path) }
    }
}
