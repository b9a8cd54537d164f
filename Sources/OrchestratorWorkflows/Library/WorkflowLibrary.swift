internal import OrchestratorCore
internal import OrchestratorSystem

#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// The workflow definitions and roles of the configured directories, re-read when their files change.
///
/// Every lookup first compares the `stat` stamps of the files a definition was built from (and of
/// the directories, for added or removed workflows); only what changed is parsed again. Earlier
/// directories win: a workflow or role whose name an earlier directory already has is not loaded.
package final class WorkflowLibrary: @unchecked Sendable {
    /// Where definitions come from, in priority order. `create_workflow` writes to the first.
    package let directories: [String]
    /// Where roles come from: the same directories, then the shipped ones.
    package let roleDirectories: [String]

    private let lock = Lock()
    private var listings: [String: (stamp: FileStamp?, names: [String])] = [:]
    private var loaded: [String: (workflow: LoadedWorkflow, stamps: FileStamps)] = [:]
    private var roleCache: (stamps: FileStamps, roles: [RoleDefinition])?

    package init(directories: [String], roleDirectories: [String]? = nil) {
        self.directories = directories
        var roles: [String] = []
        for directory in roleDirectories ?? directories where !roles.contains(directory) { roles.append(directory) }
        self.roleDirectories = roles
    }

    /// Every workflow, in directory order then by name.
    package func workflows() -> [LoadedWorkflow] {
        lock.withLock {
            var seen = Set<String>()
            var result: [LoadedWorkflow] = []
            for directory in directories {
                for name in names(in: directory) where seen.insert(name.lowercased()).inserted {
                    result.append(load(name, in: directory))
                }
            }
            return result
        }
    }

    /// The workflow with this name (exact, else ignoring case), freshly checked against its files.
    /// Only that workflow's files are checked, so a run's advance does not stat every definition.
    package func workflow(named name: String) -> LoadedWorkflow? {
        lock.withLock {
            // Directory by directory, as `workflows()` shadows names: an earlier folder wins.
            for directory in directories {
                let names = names(in: directory)
                if let match = names.first(where: { $0 == name })
                    ?? names.first(where: { $0.lowercased() == name.lowercased() })
                {
                    return load(match, in: directory)
                }
            }
            return nil
        }
    }

    package func roles() -> [RoleDefinition] {
        lock.withLock {
            if let roleCache, roleCache.stamps.isCurrent { return roleCache.roles }
            var paths: [String] = []
            var roles: [RoleDefinition] = []
            for directory in roleDirectories {
                let folder = ContainedFolder("roles", in: directory)
                paths.append(folder.path)
                let files =
                    folder.realPath == nil
                    ? [] : (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                for file in files.sorted()
                where file.hasSuffix(".md") && !file.hasPrefix(".") && file.lowercased() != "readme.md" {
                    let name = String(file.dropLast(3)).lowercased()
                    paths.append("\(folder.path)/\(file)")
                    guard !roles.contains(where: { $0.name == name }), let path = folder.contained(file),
                        let text = DiskWorkflowFiles.read(path)
                    else { continue }
                    roles.append(RoleDefinition(name: name, text: text, path: path))
                }
            }
            roleCache = (FileStamps(paths), roles)
            return roles
        }
    }

    package func role(named name: String) -> RoleDefinition? {
        let wanted = name.trimmingBlanks.lowercased()
        return roles().first { $0.name == wanted }
    }

    /// The names of the workflow folders in `directory`: folders holding an `index.md` or a `steps` folder.
    private func names(in directory: String) -> [String] {
        let stamp = FileStamp.of(directory)
        if let listing = listings[directory], listing.stamp == stamp { return listing.names }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let names = entries.filter { entry in
            guard !entry.hasPrefix("."), entry != "roles" else { return false }
            return WorkflowSources.isOneWorkflow("\(directory)/\(entry)")
        }.sorted()
        listings[directory] = (stamp, names)
        return names
    }

    private func load(_ name: String, in directory: String) -> LoadedWorkflow {
        let folder = "\(directory)/\(name)"
        if let cached = loaded[folder], cached.stamps.isCurrent { return cached.workflow }
        // Only a definition that is read again pays for resolving its folder's real path.
        let contained = ContainedFolder(name, in: directory)
        if contained.leavesItsDirectory {
            let problem = WorkflowDiagnostic(
                .error, at: SourceLocation(file: name, line: 1),
                "the workflow folder is a symbolic link to \(contained.target ?? "?"), outside \(directory); nothing is read from it",
                fixIt: "copy the workflow into \(directory), or add its own directory with --workflows")
            let workflow = LoadedWorkflow(name: name, directory: directory, definition: nil, diagnostics: [problem])
            loaded[folder] = (workflow, FileStamps([folder]))
            return workflow
        }
        let result = WorkflowParser.parse(name: name, files: DiskWorkflowFiles(folder: contained))
        let workflow = LoadedWorkflow(
            name: name, directory: directory, definition: result.definition,
            diagnostics: result.diagnostics.map { $0.located(under: name) })
        loaded[folder] = (workflow, FileStamps([folder] + result.readPaths.map { "\(folder)/\($0)" }))
        return workflow
    }
}
