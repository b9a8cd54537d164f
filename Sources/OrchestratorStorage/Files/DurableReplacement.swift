#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file with new bytes so that a crash at any moment leaves either the old version or the
/// new one: write `<file>.tmp` in the same folder, `fsync` it, rename it over the file, `fsync` the
/// folder. New files are owner-only.
struct DurableReplacement: Sendable {
    let path: String
    let directory: String

    var temporaryPath: String { path + ".tmp" }

    func write(_ bytes: [UInt8]) throws(FileSystem.Failure) {
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileSystem.Failure("cannot create", temporaryPath) }
        do {
            _ = fchmod(descriptor, 0o600)
            try FileSystem.writeAll(descriptor, bytes, path: temporaryPath)
            try FileSystem.synchronize(descriptor, path: temporaryPath)
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        close(descriptor)
        guard rename(temporaryPath, path) == 0 else {
            let failure = FileSystem.Failure("cannot rename over", path)
            unlink(temporaryPath)
            throw failure
        }
        try FileSystem.synchronizeDirectory(directory)
    }
}
