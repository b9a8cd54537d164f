internal import OrchestratorJSON
package import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A project's own checks, declared in `.mcp-orchestrator/checks.json` at the top of its working tree:
///
/// ```json
/// {"checks": [{"name": "unit tests", "run": ["swift", "test"], "directory": ".", "timeoutSeconds": 600,
///              "required": true}]}
/// ```
///
/// Running code from a file in a cloned repository needs the person's consent, as direnv and mise
/// ask for theirs: `mcp-orchestrator checks trust` records the file's SHA-256 for this user, and a
/// file that is not trusted, or changed since, is reported and never run.
package struct ProjectChecks: Sendable {
    /// One declared check.
    package struct Check: Sendable, Equatable {
        package let name: String
        package let run: [String]
        /// Relative to the top of the working tree.
        package let directory: String
        package let timeoutSeconds: Int
        package let required: Bool
    }

    package let path: String
    package let top: String
    package let digest: String
    package let checks: [Check]

    /// Where a working tree declares its checks.
    package static func file(in top: String) -> String { top + "/.mcp-orchestrator/checks.json" }

    /// The checks the working tree at `top` declares: `nil` when it declares none, else the checks or
    /// why the file cannot be used.
    package static func load(top: String) -> Result<ProjectChecks, ProblemSentence>? {
        let path = file(in: top)
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readRegularFile(path) } catch {
            return .failure(ProblemSentence("\(path) cannot be read: \(error.description)"))
        }
        let digest = SHA256.hex(bytes)
        guard let root = try? JSONParser.parse(bytes), let list = root["checks"]?.arrayValue else {
            return .failure(ProblemSentence("\(path) must be a JSON object with a \"checks\" array"))
        }
        var checks: [Check] = []
        for (index, item) in list.enumerated() {
            let at = "\(path): checks[\(index)]"
            guard let name = item["name"]?.stringValue, !name.isEmpty else {
                return .failure(ProblemSentence("\(at).name must be a non-empty string"))
            }
            guard let run = item["run"]?.arrayValue?.compactMap(\.stringValue), !run.isEmpty,
                run.count == item["run"]?.arrayValue?.count
            else {
                return .failure(
                    ProblemSentence("\(at).run must be a non-empty list of strings (the program and its arguments)"))
            }
            let directory = item["directory"]?.stringValue ?? "."
            guard !directory.hasPrefix("/"), !directory.split(separator: "/").contains("..") else {
                return .failure(
                    ProblemSentence("\(at).directory must be a folder inside the working tree, not \(directory)"))
            }
            let timeout = item["timeoutSeconds"]?.intValue ?? 600
            guard (1...86_400).contains(timeout) else {
                return .failure(ProblemSentence("\(at).timeoutSeconds must be from 1 to 86400"))
            }
            checks.append(
                Check(
                    name: name, run: run, directory: directory, timeoutSeconds: timeout,
                    required: item["required"]?.boolValue ?? true))
        }
        return .success(ProjectChecks(path: path, top: top, digest: digest, checks: checks))
    }
}

/// A sentence that says why something cannot be used.
package struct ProblemSentence: Error, Sendable, CustomStringConvertible {
    package let description: String

    package init(_ description: String) { self.description = description }
}

/// The checks files this user trusted, each by its SHA-256 (`trusted-checks` in the per-user data
/// folder, owner-only, one `DIGEST PATH` line each).
package struct ChecksTrust: Sendable {
    package let store: String

    package init(userData: String) {
        store = userData + "/mcp-orchestrator/trusted-checks"
    }

    private func entries() -> [(digest: String, path: String)] {
        guard let bytes = try? FileSystem.readRegularFile(store) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }

    /// Whether the file at `path` with this digest was trusted.
    package func trusts(_ path: String, digest: String) -> Bool {
        entries().contains { $0.path == path && $0.digest == digest }
    }

    /// Records the file's digest as trusted, in place of what was trusted for that path before.
    package func trust(_ path: String, digest: String) throws(FileSystem.Failure) {
        let kept = entries().filter { $0.path != path } + [(digest, path)]
        try FileSystem.createDirectories(String(store.dropLast("/trusted-checks".count)))
        try FileSystem.replaceSmallFile(store, with: Array(kept.map { "\($0.digest) \($0.path)\n" }.joined().utf8))
    }
}
