internal import OrchestratorSystem

#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// Finds the `workflows` folder that ships with the program from the executable's own location, never
/// from the working directory (clients often start servers from `/`).
package enum ShippedWorkflows {
    /// Walks up from the executable's real folder looking for `workflows/` (a source checkout, where
    /// the binary sits in `.build/…/release`) or `share/mcp-orchestrator/workflows` (an installed prefix).
    package static func locate(executablePath: String? = ProcessPaths.executable()) -> String? {
        guard let executablePath else { return nil }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while true {
            for candidate in ["workflows", "share/mcp-orchestrator/workflows"] {
                let path = folder.appendingPathComponent(candidate).path
                if FileStamp.of("\(path)/roles") != nil { return path }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
