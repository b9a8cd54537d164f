internal import OrchestratorCore
package import OrchestratorSystem

/// Plans made before a project had a file of its own stay in the per-user default file; they are never
/// moved or lost. While the project's file is new, this says where they are and how to reach them.
package enum OlderPlans {
    /// A sentence when `location` is a project's file that does not exist yet and the per-user default
    /// file holds requests; else `nil`.
    package static func notice(for location: StateLocation) -> String? {
        guard location.source == .project || location.source == .repository, let userDefault = location.userDefault,
            !ProjectProbe.live.isFile(location.path), ProjectProbe.live.isFile(userDefault)
        else { return nil }
        let store = StateStore(location: StateLocation(path: userDefault, source: .platformDefault))
        guard let count = try? store.read().state.requests.count, count > 0 else { return nil }
        return
            "this project's plans start fresh in \(location.path); the \(count) request\(count == 1 ? "" : "s") made before are still in \(userDefault): reach them with --state \(ShellQuoting.line([userDefault]))"
    }
}
