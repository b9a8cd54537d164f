#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
package import OrchestratorCore
internal import Foundation

/// What a command may use from the world: its environment, its output streams and the clock.
/// Tests give it their own; the program gives it the process's.
package struct CLIContext {
    package var environment: [String: String]
    package var workingDirectory: String
    package var executablePath: String
    package var clock: WallClock
    /// Whether standard output is a terminal (colour only then).
    package var isTerminal: Bool
    package var writeOut: (String) -> Void
    package var writeError: (String) -> Void

    package init(
        environment: [String: String], workingDirectory: String, executablePath: String, clock: WallClock = .system,
        isTerminal: Bool = false, writeOut: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.executablePath = executablePath
        self.clock = clock
        self.isTerminal = isTerminal
        self.writeOut = writeOut
        self.writeError = writeError
    }

    /// The running process's context.
    package static func live(executablePath: String) -> CLIContext {
        CLIContext(
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            executablePath: executablePath,
            isTerminal: isatty(1) == 1,
            writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    var home: String? { environment["HOME"] }

    /// Who the person is in history entries: `person via command line (USER)`.
    var actor: String {
        let user = environment["USER"] ?? environment["LOGNAME"]
        return "person via command line" + (user.map { " (\($0))" } ?? "")
    }
}
