import Foundation
import Testing

/// The built `mcp-orchestrator` executable, started as a client would start it, talked to over pipes.
///
/// A hang fails the test instead of stalling the run: a process still running after `timeLimit`
/// seconds is killed (its pipes then end, so every read returns) and the test records it. Standard
/// error is drained on a thread of its own from the start, so a chatty process never blocks on it
/// while the test reads standard output.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private let stderrLock = NSLock()
    private var stderrData = Data()
    private let stderrDone = DispatchGroup()
    private let killedLock = NSLock()
    private var killed = false

    /// Seconds a process may run before it is killed as hung.
    static let timeLimit = 120.0

    /// The executable beside the test bundle (SwiftPM builds it because the tests depend on it),
    /// or `MCP_ORCHESTRATOR_BIN` when set.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["MCP_ORCHESTRATOR_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.path.hasSuffix(".xctest/Contents/MacOS") {
            directory = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return directory.appendingPathComponent("mcp-orchestrator")
    }

    /// - Parameter launcher: a command that starts the server itself (a shell setting limits
    ///   first); `arguments` are then appended to it.
    /// - Parameters:
    ///   - directory: where it runs (the test's own folder when `nil`).
    ///   - environment: its whole environment (the test's when `nil`).
    init(arguments: [String], launcher: [String] = [], directory: String? = nil, environment: [String: String]? = nil)
        throws
    {
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + arguments
        } else {
            process.executableURL = Self.executable
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Started inside this repository, a server would record its tasks' evidence in it: only the
        // tests that give an environment of their own (in a repository of their own) get evidence.
        var inherited = ProcessInfo.processInfo.environment
        inherited["MCP_ORCHESTRATOR_EVIDENCE"] = inherited["MCP_ORCHESTRATOR_EVIDENCE"] ?? "off"
        process.environment = environment ?? inherited
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        let errors = stderrPipe.fileHandleForReading
        stderrDone.enter()
        DispatchQueue.global().async { [self] in
            while true {
                let chunk = errors.availableData
                if chunk.isEmpty { break }
                stderrLock.withLock { stderrData.append(chunk) }
            }
            stderrDone.leave()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.timeLimit) { [weak self] in
            guard let self, process.isRunning else { return }
            killedLock.withLock { killed = true }
            kill(process.processIdentifier, SIGKILL)
        }
    }

    /// Whether the process was killed for running past the time limit.
    var wasKilledAsHung: Bool { killedLock.withLock { killed } }

    /// Everything the process wrote to stderr so far.
    var stderrSoFar: String { stderrLock.withLock { String(decoding: stderrData, as: UTF8.self) } }

    var stdoutHandle: FileHandle { stdoutPipe.fileHandleForReading }

    /// Writes `data` and closes stdin from another thread, so a large input cannot deadlock
    /// against output nobody reads yet.
    func feedInBackground(_ data: Data) {
        let handle = stdinPipe.fileHandleForWriting
        DispatchQueue.global().async {
            handle.write(data)
            try? handle.close()
        }
    }

    func write(_ text: String) {
        stdinPipe.fileHandleForWriting.write(Data(text.utf8))
    }

    func closeInput() {
        try? stdinPipe.fileHandleForWriting.close()
    }

    /// Reads stdout until it has `count` complete lines.
    func readLines(_ count: Int) -> [String] {
        var buffer = Data()
        while buffer.filter({ $0 == UInt8(ascii: "\n") }).count < count {
            let chunk = stdoutPipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        return String(decoding: buffer, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Waits for exit; returns the status, everything left on stdout, and all of stderr.
    func finish() -> (status: Int32, stdout: String, stderr: String) {
        let out = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        stderrDone.wait()
        if wasKilledAsHung {
            Issue.record("\(process.arguments ?? []) ran past \(Self.timeLimit) s and was killed as hung")
        }
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), stderrSoFar)
    }

    /// Runs the executable to completion on `input`.
    static func run(_ arguments: [String], input: String = "", launcher: [String] = []) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let server = try ServerProcess(arguments: arguments, launcher: launcher)
        server.write(input)
        server.closeInput()
        return server.finish()
    }
}

extension ServerProcess {
    static func temporaryStatePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("orchestrator-\(UUID().uuidString)/state.json")
            .path
    }

    static let initializeLine =
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"pipe","version":"1"}}}"#
        + "\n"
}
