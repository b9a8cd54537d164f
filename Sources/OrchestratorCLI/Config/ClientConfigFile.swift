internal import OrchestratorJSON
internal import OrchestratorSystem

/// A client's own configuration file: where it is on this platform, under which key its servers
/// are, what an entry looks like, and whether the client accepts comments and trailing commas.
struct ClientConfigFile {
    let client: ConfigCommand.Client
    let path: String
    /// `mcpServers`, or `servers` for VS Code.
    let key: String
    let allowsComments: Bool

    /// The name our entry has in every client's file.
    static let entryName = "orchestrator"

    init(_ client: ConfigCommand.Client, home: String, environment: [String: String]) {
        self.client = client
        #if os(macOS)
            let support = home + "/Library/Application Support"
        #else
            let support = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
        #endif
        switch client {
        case .claudeDesktop: path = support + "/Claude/claude_desktop_config.json"
        case .cline: path = support + "/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json"
        case .claudeCode: path = home + "/.claude.json"
        case .cursor: path = home + "/.cursor/mcp.json"
        case .vscode: path = support + "/Code/User/mcp.json"
        }
        key = client == .vscode ? "servers" : "mcpServers"
        allowsComments = client == .vscode
    }

    /// The folder whose presence says the client is installed here.
    var clientFolder: String {
        client == .claudeCode ? ProcessPaths.parent(of: path) + "/.claude" : ProcessPaths.parent(of: path)
    }

    /// Whether the client is found here: its file, or its folder, exists.
    var isPresent: Bool { ProjectProbe.live.isFile(path) || ProjectProbe.live.isDirectory(clientFolder) }

    /// Our entry in this client's shape.
    func entry(command: String, arguments: [String]) -> JSONValue {
        var server: [String: JSONValue] = [
            "command": .string(command), "args": .array(arguments.map(JSONValue.string)),
        ]
        switch client {
        case .cline:
            server["type"] = "stdio"
            server["disabled"] = false
        case .claudeCode:
            server["type"] = "stdio"
            server["env"] = [:]
        case .vscode:
            server["type"] = "stdio"
        case .claudeDesktop, .cursor:
            break
        }
        return .object(server)
    }

    /// Why the file cannot be used, naming it.
    struct Problem: Error {
        let sentence: String
    }

    /// The file's servers object, or `nil` when there is no file yet.
    func read() throws(Problem) -> [String: JSONValue]? {
        guard ProjectProbe.live.isFile(path) else { return nil }
        guard let text = ProjectProbe.live.readWhole(path) else {
            throw Problem(sentence: "\(path) cannot be read; it was left as it was")
        }
        var bytes = Array(text.utf8)
        if allowsComments { bytes = JSONCText.plain(bytes) }
        let root: JSONValue
        do {
            root = bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) ? [:] : try JSONParser.parse(bytes)
        } catch {
            let (line, column) = Self.position(of: error.offset, in: Array(text.utf8))
            throw Problem(
                sentence:
                    "\(path) is not \(allowsComments ? "JSON with comments" : "JSON") (line \(line), column \(column): \(error.words)); it was left as it was — fix it, or move it aside and run again"
            )
        }
        guard case .object(let object) = root else {
            throw Problem(sentence: "\(path) holds \(root.typeName), not a JSON object; it was left as it was")
        }
        return object
    }

    /// The order of the keys in the file as it is, so writing it back keeps them where they were.
    func keyOrder() -> KeyOrder? {
        guard let text = ProjectProbe.live.readWhole(path) else { return nil }
        let bytes = Array(text.utf8)
        return KeyOrder(allowsComments ? JSONCText.plain(bytes) : bytes)
    }

    private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == 10 {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

/// JSON with comments and trailing commas (VS Code's files), made plain JSON of the same length: the
/// comments and the commas become spaces, so a parse error's offset still points into the original.
enum JSONCText {
    static func plain(_ bytes: [UInt8]) -> [UInt8] {
        trailingCommasBlanked(commentsBlanked(bytes))
    }

    /// Calls `body` with each index outside strings, letting it skip ahead by returning a new index.
    private static func outsideStrings(_ bytes: [UInt8], _ body: (Int) -> Int?) {
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
                index += 1
                continue
            }
            index = body(index) ?? index + 1
        }
    }

    private static func commentsBlanked(_ bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        outsideStrings(bytes) { index in
            guard bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count else { return nil }
            if bytes[index + 1] == UInt8(ascii: "/") {
                var end = index
                while end < bytes.count, bytes[end] != 10 {
                    output[end] = 32
                    end += 1
                }
                return end
            }
            guard bytes[index + 1] == UInt8(ascii: "*") else { return nil }
            var end = index + 2
            while end < bytes.count,
                !(bytes[end] == UInt8(ascii: "*") && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "/"))
            {
                end += 1
            }
            let stop = min(end + 2, bytes.count)
            for position in index..<stop where bytes[position] != 10 { output[position] = 32 }
            return stop
        }
        return output
    }

    private static func trailingCommasBlanked(_ bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        outsideStrings(bytes) { index in
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            var next = index + 1
            while next < bytes.count, [32, 9, 10, 13].contains(bytes[next]) { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "}") || bytes[next] == UInt8(ascii: "]") {
                output[index] = 32
            }
            return nil
        }
        return output
    }
}
