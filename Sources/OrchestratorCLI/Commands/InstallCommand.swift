internal import OrchestratorCore
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `install`: copies this executable to the per-user bin folder, where a client's entry keeps
/// finding it when the checkout it was built in moves; `config` then names that copy.
struct InstallCommand: CLICommand {
    let name = "install"
    let summary = "Copy this executable to ~/.local/bin, where clients' entries keep finding it."
    let usage = "install"
    let details = """
        Copies the running executable to $XDG_BIN_HOME, else ~/.local/bin, as mcp-orchestrator (atomically, mode
        0755), and says whether that folder is on PATH. `config` names the installed copy in the entries it writes,
        so they survive a checkout being moved or cleaned; it says so when the installed copy is older than the one
        running, and `install` updates it.
        """
    let valuedOptions: Set<String> = []
    let flagOptions: Set<String> = []

    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32 {
        do { _ = try arguments.positionals([], optional: 0) } catch { throw .usage(error.description) }
        guard let folder = PlatformDirectories.userBin(environment: context.environment, home: context.home) else {
            throw .refused("no home folder is known (HOME is unset), so there is no per-user bin folder")
        }
        let target = Installed.path(in: folder)
        let source = context.executablePath
        guard source != target else {
            context.writeOut("This is the installed copy, \(target); nothing to do.\n")
            return 0
        }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readRegularFile(source) } catch { throw .io(error.description) }
        if let present = try? FileSystem.readRegularFile(target), present == bytes {
            context.writeOut("\(target) is this build already; nothing changed.\n")
            return 0
        }
        do {
            try FileSystem.createDirectories(folder)
            try FileSystem.replaceFile(target, with: bytes)
            try FileSystem.setPermissions(target, 0o755)
        } catch {
            throw .io(error.description)
        }
        var lines = ["Installed mcp-orchestrator \(ProductInfo.version) at \(target)."]
        let onPath = (context.environment["PATH"] ?? "").split(separator: ":").contains { String($0) == folder }
        lines.append(
            onPath
                ? "\(folder) is on your PATH."
                : "\(folder) is not on your PATH: add it to run `mcp-orchestrator` by name.")
        lines.append("`mcp-orchestrator config CLIENT --install` now names this copy.")
        context.writeOut(lines.joined(separator: "\n") + "\n")
        return 0
    }
}

/// The installed copy, as `config` looks for it.
enum Installed {
    static func path(in folder: String) -> String { folder + "/mcp-orchestrator" }

    /// The installed copy, when there is one that runs, with its version.
    static func find(context: CLIContext) -> (path: String, version: String)? {
        guard let folder = PlatformDirectories.userBin(environment: context.environment, home: context.home) else {
            return nil
        }
        let path = path(in: folder)
        guard access(path, X_OK) == 0,
            let result = try? ChildProcess(
                [path, "--version"], environment: ["PATH": "/usr/bin:/bin"], directory: "/", timeoutSeconds: 10,
                outputLimit: 1024
            ).run(input: []),
            case .exited(0) = result.ending
        else { return nil }
        let said = String(decoding: result.output, as: UTF8.self)
        let version = said.split(separator: " ").last.map { String($0.filter { !$0.isWhitespace }) } ?? ""
        return (path, version)
    }

    /// Whether version `a` is older than `b` (dotted numbers).
    static func isOlder(_ a: String, than b: String) -> Bool {
        let left = a.split(separator: ".").map { Int($0) ?? 0 }
        let right = b.split(separator: ".").map { Int($0) ?? 0 }
        for index in 0..<max(left.count, right.count) {
            let x = index < left.count ? left[index] : 0
            let y = index < right.count ? right[index] : 0
            if x != y { return x < y }
        }
        return false
    }
}
