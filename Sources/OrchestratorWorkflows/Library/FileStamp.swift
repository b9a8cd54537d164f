#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat` says about a path, enough to notice that a file was edited, replaced or removed.
struct FileStamp: Equatable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int

    /// The stamp of `path`, or `nil` when nothing is there.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return FileStamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec))
    }
}

/// Stamps of a set of paths, taken together, to tell whether any of them changed since.
struct FileStamps: Equatable {
    private var stamps: [String: FileStamp?] = [:]

    init(_ paths: some Sequence<String>) {
        for path in paths { stamps[path] = FileStamp.of(path) }
    }

    var isCurrent: Bool {
        stamps.allSatisfy { path, stamp in FileStamp.of(path) == stamp }
    }
}
