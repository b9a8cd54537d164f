#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file with new bytes so that a crash at any moment leaves either the old version or the
/// new one: write `<file>.tmp` in the same folder, `fsync` it, rename it over the file, `fsync` the
/// folder. New files are owner-only.
package struct DurableReplacement: Sendable {
    package let path: String
    package let directory: String

    package init(path: String, directory: String) {
        self.path = path
        self.directory = directory
    }

    package var temporaryPath: String { path + ".tmp" }

    /// The version a replacement took the place of, kept open: its blocks are freed only when it is
    /// released. On a disk mounted with `discard`, freeing them is a synchronous trim that would
    /// otherwise sit inside `rename`, before the caller may answer.
    package struct ReplacedVersion: Sendable {
        fileprivate let descriptor: Int32

        package func release() {
            if descriptor >= 0 { close(descriptor) }
        }
    }

    /// Creates the temporary file afresh and exclusively, never through a symbolic link. Usually
    /// nothing is at its name and the first create succeeds; whatever was left there (a stale file
    /// of a crashed writer, or a link planted to redirect the state elsewhere) makes it fail, is
    /// removed, and the create is tried once more, failing again if something appeared meanwhile.
    private func createTemporaryFile() throws(FileSystem.Failure) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var descriptor = open(temporaryPath, flags, 0o600)
        if descriptor < 0, errno == EEXIST || errno == ELOOP {
            if unlink(temporaryPath) != 0, errno != ENOENT {
                throw FileSystem.Failure("cannot remove the stale temporary file", temporaryPath)
            }
            descriptor = open(temporaryPath, flags, 0o600)
        }
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST || code == ELOOP {
                throw FileSystem.Failure(
                    "cannot create (something else appeared at its name; a symbolic link is never followed)",
                    temporaryPath, code)
            }
            throw FileSystem.Failure("cannot create", temporaryPath, code)
        }
        return descriptor
    }

    /// Writes and flushes `bytes`, then puts them in place. The caller releases the returned version
    /// once it has answered.
    package func write(_ bytes: [UInt8]) throws(FileSystem.Failure) -> ReplacedVersion {
        try write(pieces: [FrozenBytes(bytes)])
    }

    /// The same, for a document in pieces, written from where they are.
    package func write(pieces: [FrozenBytes]) throws(FileSystem.Failure) -> ReplacedVersion {
        let descriptor = try createTemporaryFile()
        do {
            _ = fchmod(descriptor, 0o600)
            try FileSystem.writeAll(descriptor, pieces: pieces, path: temporaryPath)
            try FileSystem.synchronize(descriptor, path: temporaryPath)
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        close(descriptor)
        let replaced = ReplacedVersion(descriptor: open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK))
        guard rename(temporaryPath, path) == 0 else {
            let failure = FileSystem.Failure("cannot rename over", path)
            replaced.release()
            unlink(temporaryPath)
            throw failure
        }
        do {
            try FileSystem.synchronizeDirectory(directory)
        } catch {
            replaced.release()
            throw error
        }
        return replaced
    }
}
