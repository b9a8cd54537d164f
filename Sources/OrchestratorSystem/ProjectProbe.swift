#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the state file's lookup asks of the file system: folders, and the small files git leaves
/// (`.git` as a file in a worktree, `commondir`). Injected so the lookup's rules are tested apart from disks.
package struct ProjectProbe: Sendable {
    package var isDirectory: @Sendable (String) -> Bool
    package var isFile: @Sendable (String) -> Bool
    /// A small text file's contents, or `nil`.
    package var read: @Sendable (String) -> String?
    /// Whether the path itself is a symbolic link (not followed).
    package var isSymbolicLink: @Sendable (String) -> Bool

    package init(
        isDirectory: @escaping @Sendable (String) -> Bool, isFile: @escaping @Sendable (String) -> Bool,
        read: @escaping @Sendable (String) -> String?,
        isSymbolicLink: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.isDirectory = isDirectory
        self.isFile = isFile
        self.read = read
        self.isSymbolicLink = isSymbolicLink
    }

    /// The real file system.
    package static let live = ProjectProbe(
        isDirectory: { path in
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        },
        isFile: { path in
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        },
        read: { path in
            // Never blocks: a FIFO planted where git keeps a small file is not read.
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            var bytes = [UInt8](repeating: 0, count: 4096)
            let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            return count > 0 ? String(decoding: bytes[0..<count], as: UTF8.self) : nil
        },
        isSymbolicLink: { path in
            var info = stat()
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        })
}

extension ProjectProbe {
    /// A whole text file (a client's configuration), or `nil` when it cannot be read.
    package func readWhole(_ path: String) -> String? {
        guard let bytes = try? FileSystem.readRegularFile(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// `read(2)`, named apart from the closure above.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
