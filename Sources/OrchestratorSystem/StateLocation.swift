/// Where the state file lives, and which rule chose it: `--state`, else `MCP_ORCHESTRATOR_STATE`, else the per-user default.
///
/// The order is `--state PATH`, then `MCP_ORCHESTRATOR_STATE`, then the platform's per-user data
/// directory. The result is always absolute: clients often start servers from `/`, so a relative path
/// is resolved once, at launch, against the working directory of that moment and reported as such.
package struct StateLocation: Sendable, Equatable {
    /// The rule that produced the path.
    package enum Source: String, Sendable {
        case option
        case environment
        case platformDefault = "default"
    }

    package static let environmentVariable = "MCP_ORCHESTRATOR_STATE"
    package static let fileName = "state.json"

    package let path: String
    package let source: Source

    package init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// Applies the lookup order. Pure: the environment, working directory and home are passed in.
    package static func resolve(
        option: String?,
        environment: [String: String],
        workingDirectory: String,
        homeDirectory: String?
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
        guard let directory = PlatformDirectories.userData(environment: environment, home: homeDirectory) else {
            throw .noHomeDirectory
        }
        return StateLocation(path: directory + "/mcp-orchestrator/" + fileName, source: .platformDefault)
    }

    /// The folder that holds the state file (and, later, its lock and temporary files).
    package var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func absolute(_ path: String, _ workingDirectory: String, _ home: String?) -> String {
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

    package var description: String {
        switch self {
        case .emptyPath(.option): "--state needs a path, and an empty one was given"
        case .emptyPath: "\(StateLocation.environmentVariable) is set but empty; unset it or give a path"
        case .noHomeDirectory:
            "no home directory is known (HOME is unset), so there is no default state location; pass --state PATH"
        }
    }
}
