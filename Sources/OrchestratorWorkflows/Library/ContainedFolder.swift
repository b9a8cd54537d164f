#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one containment rule for everything read from a workflows directory: a file is read only when
/// its real path (every symbolic link followed) lies inside the real path of the folder it belongs
/// to — a workflow's folder for its index, steps and includes, `roles` for role files — and that
/// folder's own real path lies inside the workflows directory. A link may point elsewhere inside;
/// nothing leads out, so a definition cannot read `/etc/passwd` or a folder outside the directory.
struct ContainedFolder: Sendable {
    /// The folder as configured (`<directory>/<name>`).
    let path: String
    /// Its real path, or `nil` when it does not exist or leaves the workflows directory.
    let realPath: String?

    init(_ name: String, in directory: String) {
        path = "\(directory)/\(name)"
        guard let realDirectory = Self.realPath(directory), let real = Self.realPath(path),
            Self.isInside(real, realDirectory)
        else {
            realPath = nil
            return
        }
        realPath = real
    }

    /// Whether the folder exists but its real path is outside the workflows directory.
    var leavesItsDirectory: Bool { realPath == nil && Self.realPath(path) != nil }

    /// Where the folder really is (for messages), or `nil` when it does not exist.
    var target: String? { Self.realPath(path) }

    /// `relative` under this folder, when the file exists and really lies inside it.
    func contained(_ relative: String) -> String? {
        guard let realPath else { return nil }
        let full = "\(path)/\(relative)"
        guard let real = Self.realPath(full), Self.isInside(real, realPath) else { return nil }
        return full
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path.hasPrefix("/") : path.hasPrefix(folder + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
