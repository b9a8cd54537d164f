import Foundation
import OrchestratorJSON

/// A blocking JSON-RPC client over a `ServerProcess`: one request, one reply line.
final class LineClient {
    let server: ServerProcess
    private var buffer = Data()
    private var nextID = 1

    init(
        arguments: [String], clientName: String = "pipe", launcher: [String] = [],
        environment: [String: String]? = nil
    ) throws {
        server = try ServerProcess(arguments: arguments, launcher: launcher, environment: environment)
        _ = try request(
            "initialize",
            [
                "protocolVersion": "2025-11-25", "capabilities": [:],
                "clientInfo": ["name": .string(clientName), "version": "1"],
            ])
        server.write(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"# + "\n")
    }

    /// The next line the server writes, or `nil` at end of output.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = server.stdoutHandle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    func request(_ method: String, _ params: JSONValue) throws -> JSONValue {
        try reply(to: send(method, params))
    }

    /// Writes a request without waiting; returns its id for `reply(to:)`.
    func send(_ method: String, _ params: JSONValue) throws -> Int {
        let id = nextID
        nextID += 1
        let message: JSONValue = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
        server.write(JSONWriter.string(from: message) + "\n")
        return id
    }

    /// Reads until the reply with `id`; notifications (log messages) may come first.
    func reply(to id: Int) throws -> JSONValue {
        while let line = readLine() {
            let reply = try JSONParser.parse(line)
            if reply["id"] == .int(id) { return reply }
        }
        throw ClientError.closed
    }

    /// Whether the server has written anything not read yet, checked without blocking.
    func hasBufferedOutput() -> Bool {
        if !buffer.isEmpty { return true }
        var probe = pollfd(fd: server.stdoutHandle.fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&probe, 1, 0) > 0
    }

    /// A tool call's `result`.
    func call(_ tool: String, _ arguments: JSONValue = [:]) throws -> JSONValue {
        try request("tools/call", ["name": .string(tool), "arguments": arguments])["result"] ?? .null
    }

    func close() -> Int32 {
        server.closeInput()
        return server.finish().status
    }

    enum ClientError: Error { case closed }
}
