internal import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bearer tokens the shared server accepts, from an owner-only JSON file:
/// `{"tokens": [{"name": "ada", "role": "person", "token": "…"}, {"name": "builder-1", "role": "agent", …}]}`.
/// A token's name is the actor in history and the holder of claims.
package struct TokenRegistry: Sendable {
    private let entries: [(token: [UInt8], caller: Caller)]

    /// Why the file cannot be used, in a sentence naming it.
    package struct Problem: Error, CustomStringConvertible {
        package let description: String
    }

    package var callers: [Caller] { entries.map(\.caller) }

    /// The person tokens, for the board's sign-in.
    package var people: [(token: String, name: String)] {
        entries.filter { $0.caller.role == .person }.map { (String(decoding: $0.token, as: UTF8.self), $0.caller.name) }
    }

    package init(_ entries: [(token: String, caller: Caller)]) {
        self.entries = entries.map { (Array($0.token.utf8), $0.caller) }
    }

    /// Reads and checks the file: owned by this user and unreadable by others, each entry a name, a
    /// role and a token of at least 32 characters, no name or token twice.
    package static func load(_ path: String) throws(Problem) -> TokenRegistry {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Problem(description: "the tokens file \(path) cannot be read: \(SystemError.sentence(for: errno))")
        }
        guard info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
            throw Problem(
                description:
                    "the tokens file \(path) must be owned by you and readable by nobody else (chmod 600 \(path))")
        }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readRegularFile(path) } catch {
            throw Problem(description: "the tokens file cannot be read: \(error.description)")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw Problem(description: "the tokens file \(path) is not JSON: \(error)")
        }
        guard let list = value["tokens"]?.arrayValue else {
            throw Problem(
                description: "the tokens file \(path) needs {\"tokens\": [{\"name\", \"role\", \"token\"}, …]}")
        }
        var entries: [(token: String, caller: Caller)] = []
        for (index, entry) in list.enumerated() {
            guard let name = entry["name"]?.stringValue, !name.isEmpty, name.count <= 100,
                let roleText = entry["role"]?.stringValue, let role = Caller.Role(rawValue: roleText),
                let token = entry["token"]?.stringValue, token.utf8.count >= 32, token.allSatisfy({ $0.isASCII })
            else {
                throw Problem(
                    description:
                        "the tokens file \(path): entry \(index + 1) needs a name, a role (agent or person) and a token of at least 32 ASCII characters"
                )
            }
            guard !entries.contains(where: { $0.caller.name == name || $0.token == token }) else {
                throw Problem(description: "the tokens file \(path): entry \(index + 1) repeats a name or a token")
            }
            entries.append((token, Caller(name: name, role: role)))
        }
        return TokenRegistry(entries)
    }

    /// The caller a presented token names, compared in time that does not depend on the token.
    package func caller(presenting token: String) -> Caller? {
        let given = Array(token.utf8)
        var found: Caller?
        for entry in entries {
            var difference = UInt8(entry.token.count == given.count ? 0 : 1)
            for index in 0..<entry.token.count {
                difference |= entry.token[index] ^ (index < given.count ? given[index] : 0)
            }
            if difference == 0 { found = entry.caller }
        }
        return found
    }
}
