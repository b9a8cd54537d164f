import Foundation

/// The built `mcp-orchestrator` executable, started as a client would start it, talked to over pipes.
final class ServerProcess {
    let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()

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
    init(arguments: [String], launcher: [String] = []) throws {
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + arguments
        } else {
            process.executableURL = Self.executable
            process.arguments = arguments
        }
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
    }

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
        let err = stderrPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
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
