/// Where the state file lives, and which rule chose it.
///
/// The order: `--state PATH`; `MCP_ORCHESTRATOR_STATE`; the nearest ancestor of the working directory
/// holding a `.mcp-orchestrator/` folder (made by `mcp-orchestrator init`), whose `state.json` it is;
/// else, inside a git repository, a file of that repository's own in the per-user data directory
/// (`projects/<name>-<hash>/state.json`, one per repository, so its worktrees share it); else (started
/// from `/` or the home folder, as Claude Desktop does, or outside any repository) the per-user default
/// file. The result is always absolute: a relative path is resolved once, at launch, against the
/// working directory of that moment.
package struct StateLocation: Sendable, Equatable {
    /// The rule that produced the path.
    package enum Source: String, Sendable, CaseIterable {
        case option
        case environment
        /// A `.mcp-orchestrator/` folder in the working directory or above it.
        case project
        /// The git repository the working directory is in.
        case repository
        case platformDefault = "default"
    }

    package static let environmentVariable = "MCP_ORCHESTRATOR_STATE"
    package static let fileName = "state.json"
    /// The folder `init` makes; the nearest one above the working directory holds the state.
    package static let projectFolder = ".mcp-orchestrator"

    package let path: String
    package let source: Source
    /// The project's folder (the one holding `.mcp-orchestrator/`, or the repository's root).
    package let project: String?
    /// The per-user default file, when another was chosen: where plans made before per-project files are.
    package let userDefault: String?

    package init(path: String, source: Source, project: String? = nil, userDefault: String? = nil) {
        self.path = path
        self.source = source
        self.project = project
        self.userDefault = userDefault
    }

    /// Why this file, in words: "project ~/src/app, git repository".
    package func reason(home: String?) -> String {
        let shown = project.map { Self.abbreviated($0, home: home) } ?? ""
        switch source {
        case .option: return "--state"
        case .environment: return Self.environmentVariable
        case .project: return "project \(shown) (\(Self.projectFolder) folder)"
        case .repository: return "project \(shown), git repository"
        case .platformDefault: return "the per-user default"
        }
    }

    /// `~/…` for paths under the home folder.
    package static func abbreviated(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, home != "/" else { return path }
        if path == home { return "~" }
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    /// Applies the lookup order. Pure: the environment, working directory and home are passed in.
    package static func resolve(
        option: String?,
        environment: [String: String],
        workingDirectory: String,
        homeDirectory: String?,
        probe: ProjectProbe = .live
    ) throws(StateLocationError) -> StateLocation {
        if let option {
            guard !option.isEmpty else { throw .emptyPath(source: .option) }
            return StateLocation(path: absolute(option, workingDirectory, homeDirectory), source: .option)
        }
        if let fromEnvironment = environment[environmentVariable] {
            guard !fromEnvironment.isEmpty else { throw .emptyPath(source: .environment) }
            return StateLocation(
                path: absolute(fromEnvironment, workingDirectory, homeDirectory), source: .environment)
        }
        let start = normalized(absolute(workingDirectory, "/", homeDirectory))
        if let project = try nearestProjectFolder(from: start, probe: probe) {
            return StateLocation(
                path: project + "/" + projectFolder + "/" + fileName, source: .project, project: project,
                userDefault: userDefaultPath(environment, homeDirectory))
        }
        guard let directory = PlatformDirectories.userData(environment: environment, home: homeDirectory) else {
            throw .noHomeDirectory
        }
        let userDefault = directory + "/mcp-orchestrator/" + fileName
        let home = homeDirectory.map(normalized)
        if start != "/", start != home, let repository = GitRepository.containing(start, probe: probe) {
            return StateLocation(
                path: directory + "/mcp-orchestrator/projects/" + repository.folderName + "/" + fileName,
                source: .repository, project: repository.root, userDefault: userDefault)
        }
        return StateLocation(path: userDefault, source: .platformDefault)
    }

    /// Beside a repository's file in the per-user folder: the repository's folder, one line.
    package static func repositoryRecord(of statePath: String) -> String {
        ProcessPaths.parent(of: statePath) + "/repository"
    }

    /// Where the per-user projects' files are: one folder per repository.
    package static func projectsDirectory(environment: [String: String], home: String?) -> String? {
        PlatformDirectories.userData(environment: environment, home: home).map { $0 + "/mcp-orchestrator/projects" }
    }

    private static func userDefaultPath(_ environment: [String: String], _ home: String?) -> String? {
        PlatformDirectories.userData(environment: environment, home: home).map { $0 + "/mcp-orchestrator/" + fileName }
    }

    /// The working directory or its nearest ancestor that holds a `.mcp-orchestrator/` folder.
    /// A `.mcp-orchestrator` that is a symbolic link is refused: a cloned repository could point the
    /// plans, and the lock, at a folder of someone else's choosing.
    private static func nearestProjectFolder(from start: String, probe: ProjectProbe) throws(StateLocationError)
        -> String?
    {
        var folder = start
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/" + projectFolder
            if probe.isSymbolicLink(candidate) { throw .projectFolderIsLink(candidate) }
            if probe.isDirectory(candidate) { return folder }
            guard folder != "/" else { return nil }
            folder = parent(of: folder)
        }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// `a/./b/../c` → `a/c`, without a trailing slash.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The append-only archive beside a state file: `state.json` → `state.archive.jsonl`.
    package static func archivePath(of statePath: String) -> String {
        (statePath.hasSuffix(".json") ? String(statePath.dropLast(5)) : statePath) + ".archive.jsonl"
    }

    /// The folder that holds the state file (and, later, its lock and temporary files).
    package var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func absolute(_ path: String, _ workingDirectory: String, _ home: String?) -> String {
        if path == "~", let home { return home }
        if path.hasPrefix("~/"), let home { return home + path.dropFirst(1) }
        if path.hasPrefix("/") { return path }
        let base = workingDirectory.hasSuffix("/") ? String(workingDirectory.dropLast()) : workingDirectory
        return base + "/" + path
    }
}

/// Why no state location could be chosen.
package enum StateLocationError: Error, Equatable, CustomStringConvertible {
    case emptyPath(source: StateLocation.Source)
    case noHomeDirectory
    case projectFolderIsLink(String)

    package var description: String {
        switch self {
        case .emptyPath(.option): "--state needs a path, and an empty one was given"
        case .emptyPath: "\(StateLocation.environmentVariable) is set but empty; unset it or give a path"
        case .noHomeDirectory:
            "no home directory is known (HOME is unset), so there is no default state location; pass --state PATH"
        case .projectFolderIsLink(let path):
            "\(path) is a symbolic link, and it is not followed: a cloned repository could send your plans to a folder of someone else's choosing. Remove it and run `mcp-orchestrator init` to make a folder of your own, or pass --state PATH"
        }
    }
}
