#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The agents' sessions registered beside a state file (`state.json` → `state.agents/`, owner-only).
///
/// Every stdio server records the process that started it, its client (Claude Code, Claude Desktop,
/// Cline, …), so that the person's commands can tell when they run inside an agent's session or
/// process tree. An entry lasts as long as the client runs, not only the server: an agent that stops
/// its own server is still inside its client's session. Entries whose client is gone (or whose pid
/// now names another process) are dropped when read.
package struct AgentSessions: Sendable {
    /// The folder that holds one file per registered client.
    package let directory: String

    /// One registered client.
    package struct Entry: Sendable, Equatable {
        package let client: ProcessRecord
        /// The server that registered it.
        package let server: Int32
    }

    package init(statePath: String) {
        directory = (statePath.hasSuffix(".json") ? String(statePath.dropLast(5)) : statePath) + ".agents"
    }

    /// Records `client` as the agent's process that started `server`. Idempotent for one client.
    package func register(client: ProcessRecord, server: ProcessRecord) throws(FileSystem.Failure) {
        try FileSystem.createDirectories(directory)
        let text =
            "client \(client.pid) \(client.startTime) \(client.session) \(client.parent) \(client.name)\n"
            + "server \(server.pid)\n"
        try FileSystem.replaceSmallFile(path(of: client), with: Array(text.utf8))
    }

    /// The clients still running; the files of those that are gone are removed.
    package func entries() -> [Entry] {
        guard let folder = opendir(directory) else { return [] }
        var names: [String] = []
        while let item = readdir(folder) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".session") { names.append(name) }
        }
        closedir(folder)
        var found: [Entry] = []
        for name in names {
            let path = directory + "/" + name
            guard let entry = Self.parse((try? FileSystem.readRegularFile(path)) ?? []) else { continue }
            if entry.client.isRunning {
                found.append(entry)
            } else {
                unlink(path)
            }
        }
        return found
    }

    private func path(of client: ProcessRecord) -> String {
        "\(directory)/\(client.pid)-\(client.startTime).session"
    }

    private static func parse(_ bytes: [UInt8]) -> Entry? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard lines.count == 2 else { return nil }
        let client = lines[0].split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)
        let server = lines[1].split(separator: " ")
        guard client.count == 6, client[0] == "client", let pid = Int32(client[1]), let start = UInt64(client[2]),
            let session = Int32(client[3]), let parent = Int32(client[4]), server.count == 2, server[0] == "server",
            let serverPID = Int32(server[1])
        else { return nil }
        return Entry(
            client: ProcessRecord(
                pid: pid, parent: parent, session: session, startTime: start, name: String(client[5])),
            server: serverPID)
    }
}
