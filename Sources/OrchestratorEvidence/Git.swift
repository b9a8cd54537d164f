internal import OrchestratorSystem

/// git, run in one working tree with the person's configuration but none of the caller's `GIT_*`
/// variables (an agent's `GIT_DIR` or `GIT_INDEX_FILE` must not steer it), never prompting, and
/// taking no optional locks, so the person's own git commands are never kept waiting.
package struct Git: Sendable {
    /// The working tree's top folder.
    package let top: String
    private let environment: [String: String]

    /// Why git could not be used here, in a sentence.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package let description: String
    }

    package init(top: String, environment: [String: String]) {
        self.top = top
        var kept = environment.filter { !$0.key.hasPrefix("GIT_") }
        kept["GIT_TERMINAL_PROMPT"] = "0"
        kept["GIT_OPTIONAL_LOCKS"] = "0"
        kept["LC_ALL"] = "C"
        self.environment = kept
    }

    /// The working tree `directory` is in, or why there is none to record in.
    package static func workTree(containing directory: String, environment: [String: String]) -> Result<Git, Failure> {
        let probe = Git(top: directory, environment: environment)
        switch probe.run(["rev-parse", "--show-toplevel"]) {
        case .success(let top): return .success(Git(top: top.trimmingLineEnd, environment: environment))
        case .failure(let failure) where failure.description.contains("not installed"):
            return .failure(Failure(description: "git is not installed here, so no change was recorded"))
        case .failure:
            return .failure(Failure(description: "\(directory) is not in a git repository, so no change was recorded"))
        }
    }

    /// Runs `git ARGUMENTS` in the top folder with `extra` in its environment; its output, or why it failed.
    package func run(_ arguments: [String], extra: [String: String] = [:], timeoutSeconds: Double = 60)
        -> Result<String, Failure>
    {
        runBytes(arguments, extra: extra, timeoutSeconds: timeoutSeconds).map { String(decoding: $0, as: UTF8.self) }
    }

    package func runBytes(_ arguments: [String], extra: [String: String] = [:], timeoutSeconds: Double = 60)
        -> Result<[UInt8], Failure>
    {
        let process = ChildProcess(
            ["git"] + arguments, environment: environment.merging(extra) { _, new in new }, directory: top,
            timeoutSeconds: timeoutSeconds)
        do {
            let result = try process.run()
            guard result.succeeded else {
                let said = result.errorText.split(separator: "\n").first.map(String.init) ?? "\(result.ending)"
                return .failure(Failure(description: "git \(arguments.first ?? "") failed: \(said)"))
            }
            return .success(result.output)
        } catch {
            return .failure(Failure(description: error.description))
        }
    }
}

extension String {
    /// The text without its last line end.
    var trimmingLineEnd: String {
        var text = self
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
