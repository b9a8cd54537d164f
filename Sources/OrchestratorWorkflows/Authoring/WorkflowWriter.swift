package import OrchestratorCore
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// Writes a draft into a workflows directory after checking it parses without errors.
///
/// The files go to a hidden temporary folder first, which is then renamed into place, so a reader
/// never sees half a workflow; with `overwrite` the old folder is moved aside and removed after.
package enum WorkflowWriter {
    package enum Failure: Error, Equatable {
        case invalidName(String)
        case invalid([WorkflowDiagnostic])
        case exists(String)
        case writeFailed(String)
    }

    /// Writes the draft to `directory/<name>`; returns the parse result (warnings) and the paths written.
    package static func write(
        _ draft: WorkflowDraft, into directory: String, overwrite: Bool
    ) throws(Failure) -> (definition: WorkflowDefinition, warnings: [WorkflowDiagnostic], paths: [String]) {
        guard WorkflowNaming.isValidWorkflowName(draft.name) else { throw .invalidName(draft.name) }
        let files = draft.files
        let result = WorkflowParser.parse(name: draft.name, files: InMemoryWorkflowFiles(files))
        guard let definition = result.definition else {
            throw .invalid(result.errors.map { $0.located(under: draft.name) })
        }
        let target = "\(directory)/\(draft.name)"
        if exists(target), !overwrite { throw .exists(target) }
        let staging = "\(directory)/.\(draft.name).creating-\(getpid())"
        let aside = "\(directory)/.\(draft.name).replaced-\(getpid())"
        do throws(FileSystem.Failure) {
            removeTree(staging)
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                let full = "\(staging)/\(path)"
                try FileSystem.createDirectories(ProcessPaths.parent(of: full))
                try FileSystem.replaceFile(full, with: Array(text.utf8))
            }
            if exists(target) { try FileSystem.move(target, to: aside) }
            try FileSystem.move(staging, to: target)
            removeTree(aside)
        } catch {
            removeTree(staging)
            if !exists(target), exists(aside) { try? FileSystem.move(aside, to: target) }
            throw .writeFailed(error.description)
        }
        return (
            definition, result.diagnostics.filter { $0.severity == .warning }.map { $0.located(under: draft.name) },
            files.keys.sorted().map { "\(target)/\($0)" }
        )
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Removes a folder this writer made (staging or the replaced version), ignoring what is gone.
    private static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
