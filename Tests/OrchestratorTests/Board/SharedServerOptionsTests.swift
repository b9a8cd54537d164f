import Foundation
import OrchestratorHTTP
import OrchestratorMCP
import OrchestratorServe
import OrchestratorSystem
import OrchestratorTools
import Testing
import mcp_orchestrator

/// `serve`'s options and its tokens file: what is accepted, and the sentence for what is not.
struct SharedServerOptionsTests {
    @Test(arguments: [
        ("8113", "127.0.0.1", 8113), ("0.0.0.0:9000", "0.0.0.0", 9000), ("localhost:80", "127.0.0.1", 80),
        ("[::1]:8113", "::1", 8113),
    ])
    func addressesParse(text: String, host: String, port: Int) throws {
        let address = try #require(HTTPAddress(text))
        #expect(address.host == host && address.port == port)
    }

    @Test(arguments: ["", "host:", ":99999", "abc", "127.0.0.1:-1"])
    func badAddressesAreRefused(text: String) {
        #expect(HTTPAddress(text) == nil)
    }

    @Test func serveDefaultsToTheStandardPortAndOnlyServeTakesItsOptions() throws {
        guard case .success(.serve(let options)) = LaunchOptions.parse([], serving: true) else {
            Issue.record("serve with no options should parse")
            return
        }
        #expect(options.http == .standard && options.http?.isLoopback == true)
        guard case .failure(let error) = LaunchOptions.parse(["--http", "9000"]) else {
            Issue.record("--http without serve should be refused")
            return
        }
        #expect(error.message.contains("belongs to `mcp-orchestrator serve`"))
        guard case .failure(let origin) = LaunchOptions.parse(["--allow-origin", "evil.example/"], serving: true) else {
            Issue.record("an origin with a path should be refused")
            return
        }
        #expect(origin.message.contains("--allow-origin takes an origin"))
    }

    @Test func aTokensFileMustBeOwnerOnlyAndWellFormed() throws {
        let folder = TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/tokens.json"
        let good = String(repeating: "a", count: 40)
        try #"{"tokens": [{"name": "ada", "role": "person", "token": "\#(good)"}]}"#.write(
            toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: TokenRegistry.Problem.self) { try TokenRegistry.load(path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let registry = try TokenRegistry.load(path)
        #expect(registry.caller(presenting: good)?.name == "ada" && registry.caller(presenting: good + "b") == nil)
        for bad in [
            #"{"tokens": [{"name": "x", "role": "robot", "token": "\#(good)"}]}"#,
            #"{"tokens": [{"name": "x", "role": "agent", "token": "short"}]}"#,
            #"{"tokens": [{"name": "x", "role": "agent", "token": "\#(good)"}, {"name": "x", "role": "agent", "token": "\#(good)b"}]}"#,
            "not json",
        ] {
            try bad.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            #expect(throws: TokenRegistry.Problem.self) { try TokenRegistry.load(path) }
        }
    }
}

/// `--allow-host`: the Host names a server bound beyond loopback accepts on `/mcp`.
struct AllowedHostTests {
    @Test func allowHostIsParsedAndChecked() throws {
        guard
            case .success(.serve(let options)) = LaunchOptions.parse(
                ["--allow-host", "Orchestrator.Example", "--allow-host", "10.0.0.5:8750"], serving: true)
        else {
            Issue.record("--allow-host should parse")
            return
        }
        #expect(options.allowedHosts == ["orchestrator.example", "10.0.0.5:8750"])
        guard case .failure(let bad) = LaunchOptions.parse(["--allow-host", "https://x/"], serving: true) else {
            Issue.record("a host with a scheme should be refused")
            return
        }
        #expect(bad.message.contains("--allow-host takes a host name"))

        let shared = SharedServer(
            changes: StateChanges(), tokens: nil, allowedOrigins: [],
            allowedHosts: Set(options.allowedHosts), board: nil
        ) { _ in fatalError("no conversation is opened by a refused request") }
        func status(host: String) -> Int {
            let request = HTTPRequest(
                method: "POST", target: "/mcp", headers: [("host", host), ("content-type", "application/json")],
                body: Array("[]".utf8), keepAlive: false)
            return shared.respond(to: request).status
        }
        #expect(status(host: "attacker.example") == 403)
        #expect(status(host: "attacker.example:8750") == 403)
        #expect(status(host: "10.0.0.5:9999") == 403)
        // An allowed name passes the check (the empty batch is then refused by the endpoint itself).
        #expect(status(host: "orchestrator.example:8750") == 400)
        #expect(status(host: "10.0.0.5:8750") == 400)
    }
}
