#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import OrchestratorStorage
#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
package import OrchestratorCore

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
        guard let definition = result.definition else { throw .invalid(result.errors.map { $0.located(under: draft.name) }) }
        let manager = FileManager.default
        let target = "\(directory)/\(draft.name)"
        if manager.fileExists(atPath: target), !overwrite { throw .exists(target) }
        let staging = "\(directory)/.\(draft.name).creating-\(getpid())"
        let aside = "\(directory)/.\(draft.name).replaced-\(getpid())"
        do {
            try? manager.removeItem(atPath: staging)
            for (path, text) in files {
                let full = "\(staging)/\(path)"
                try manager.createDirectory(atPath: ProcessPaths.parent(of: full), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: full), options: .atomic)
            }
            if manager.fileExists(atPath: target) { try manager.moveItem(atPath: target, toPath: aside) }
            try manager.moveItem(atPath: staging, toPath: target)
            try? manager.removeItem(atPath: aside)
        } catch {
            try? manager.removeItem(atPath: staging)
            if !manager.fileExists(atPath: target), manager.fileExists(atPath: aside) { try? manager.moveItem(atPath: aside, toPath: target) }
            throw .writeFailed("\(error)")
        }
        return (definition, result.diagnostics.filter { $0.severity == .warning }.map { $0.located(under: draft.name) },
                files.keys.sorted().map { "\(target)/\($0)" })
    }
}
