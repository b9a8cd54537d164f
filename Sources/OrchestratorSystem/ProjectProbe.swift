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

    package init(
        isDirectory: @escaping @Sendable (String) -> Bool, isFile: @escaping @Sendable (String) -> Bool,
        read: @escaping @Sendable (String) -> String?
    ) {
        self.isDirectory = isDirectory
        self.isFile = isFile
        self.read = read
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
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var bytes = [UInt8](repeating: 0, count: 4096)
            let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            return count > 0 ? String(decoding: bytes[0..<count], as: UTF8.self) : nil
        })
}

extension ProjectProbe {
    /// A whole text file (a client's configuration), or `nil` when it cannot be read.
    package func readWhole(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let bytes = try? FileSystem.readAll(descriptor, path: path, sizeHint: 65_536) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// `read(2)`, named apart from the closure above.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
