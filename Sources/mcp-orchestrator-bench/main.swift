import Foundation

// Benchmarks the release server as a client meets it: a real process over pipes.
// Usage: swift run -c release mcp-orchestrator-bench [--calls N] [--starts N] [--mutations N] [--store-sizes A,B,…]
//        mcp-orchestrator-bench --compare OTHER-SERVER [--rounds N]   (this build's server against another build)
// It prints a Markdown table; the README holds the figures with this command.

struct Options {
    var calls = 5_000
    var starts = 40
    var mutations = 300
    var storeSizes = [100, 1_000, 10_000]
    /// Another build's server to take turns with this one's (`CompareBenchmark`).
    var compare: URL?
    var rounds = 15
    /// Only the evidence benchmark (`--evidence-only`), in a repository of `evidenceFiles` files.
    var evidenceOnly = false
    var evidenceFiles = 10_000
    /// Only the Task Master import benchmark (`--import-only`).
    var importOnly = false
    /// Only the search benchmark (`--search-only`).
    var searchOnly = false
    /// Only the stores side by side (`--stores-only URL`): the file and PostgreSQL at that address.
    var storesDatabase: String?
    var tasksPerAgent = 10
    /// `--stores-only` at these counts only (`--servers 2 --agents 64 --stores postgresql`).
    var storeServers = [1, 2]
    var storeAgents = [1, 16, 64]
    var storeKinds = ["file", "postgresql"]

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let name = rest.popFirst() {
            if name == "--evidence-only" {
                evidenceOnly = true
                continue
            }
            if name == "--import-only" {
                importOnly = true
                continue
            }
            if name == "--search-only" {
                searchOnly = true
                continue
            }
            if name == "--stores-only", let database = rest.popFirst() {
                storesDatabase = database
                continue
            }
            if name == "--servers", let list = rest.popFirst() {
                storeServers = list.split(separator: ",").compactMap { Int($0) }
                continue
            }
            if name == "--agents", let list = rest.popFirst() {
                storeAgents = list.split(separator: ",").compactMap { Int($0) }
                continue
            }
            if name == "--stores", let list = rest.popFirst() {
                storeKinds = list.split(separator: ",").map(String.init)
                continue
            }
            if name == "--store-sizes", let list = rest.popFirst() {
                storeSizes = list.split(separator: ",").compactMap { Int($0) }.filter { $0 >= 100 }
                continue
            }
            if name == "--compare", let path = rest.popFirst() {
                compare = URL(fileURLWithPath: path)
                continue
            }
            guard let value = rest.popFirst().flatMap(Int.init), value > 0 else {
                FileHandle.standardError.write(
                    Data(
                        "usage: mcp-orchestrator-bench [--calls N] [--starts N] [--mutations N] [--store-sizes A,B,…] | --compare OTHER-SERVER [--rounds N] | --evidence-only [--evidence-files N] | --import-only | --search-only | --stores-only POSTGRESQL-URL [--tasks-per-agent N] [--servers 1,2] [--agents 1,16,64] [--stores file,postgresql]\n"
                            .utf8))
                exit(64)
            }
            switch name {
            case "--calls": calls = value
            case "--starts": starts = value
            case "--mutations": mutations = value
            case "--rounds": rounds = value
            case "--tasks-per-agent": tasksPerAgent = value
            case "--evidence-files": evidenceFiles = max(100, value / 100 * 100)
            default:
                FileHandle.standardError.write(Data("unknown option \(name)\n".utf8))
                exit(64)
            }
        }
    }
}

/// One server process with line-oriented request/response over its pipes.
final class Peer {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    /// Bytes read but not yet returned, and the read buffer.
    private var pending: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// - Parameters:
    ///   - directory: where the server runs, as an agent's client starts it in its project; the
    ///     temporary folder by default, which is in no git repository, so the figures are the server's
    ///     own and not a snapshot of whatever repository the benchmark was started in.
    ///   - environment: added to the benchmark's own.
    init(
        executable: URL, statePath: String, extraArguments: [String] = [],
        directory: URL = FileManager.default.temporaryDirectory, environment: [String: String] = [:]
    ) throws {
        process.executableURL = executable
        process.arguments = ["--state", statePath, "--log-level", "error"] + extraArguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Sends a notification, which gets no reply.
    func notify(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    func roundTrip(_ line: String) -> Data {
        notify(line)
        return nextLine()
    }

    /// The next line the server wrote (a reply or a notification).
    func nextLine() -> Data {
        var scanned = 0
        while true {
            if let newline = pending[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let reply = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                return reply
            }
            scanned = pending.count
            let descriptor = output.fileHandleForReading.fileDescriptor
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { fatalError("server closed its output") }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    /// Peak resident memory (VmHWM) in KiB, from /proc on Linux.
    var peakResidentKiB: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }

    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

func nanoseconds(_ body: () -> Void) -> UInt64 {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return DispatchTime.now().uptimeNanoseconds - start
}

func percentile(_ samples: [UInt64], _ fraction: Double) -> Double {
    let sorted = samples.sorted()
    let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
    return Double(sorted[index]) / 1_000_000
}

/// The benchmark's report goes to stdout; this program is not a protocol server.
func report(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func format(_ milliseconds: Double) -> String { String(format: "%.3f ms", milliseconds) }

let options = Options(Array(CommandLine.arguments.dropFirst()))
let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
    "mcp-orchestrator")
let stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("orchestrator-bench-\(getpid())")
let statePath = stateDirectory.appendingPathComponent("state.json").path
let initialize =
    #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#
let envelope =
    #""_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}"#

if options.searchOnly {
    report(SearchBenchmark.run(executable: executable, calls: 30))
    exit(0)
}

if let database = options.storesDatabase {
    report(
        StoresBenchmark.run(
            executable: executable, database: database, tasksPerAgent: options.tasksPerAgent,
            servers: options.storeServers, agents: options.storeAgents, stores: options.storeKinds))
    exit(0)
}

if options.importOnly {
    report(ImportBenchmark.run(executable: executable, rounds: 30))
    exit(0)
}

if options.evidenceOnly {
    report(EvidenceBenchmark.run(executable: executable, files: options.evidenceFiles, rounds: 30))
    exit(0)
}

if let other = options.compare {
    report(CompareBenchmark.run(executables: [executable, other], rounds: options.rounds))
    exit(0)
}

var rows: [(String, String, String, String)] = []

// Cold start: process spawn to the initialize response.
var starts: [UInt64] = []
for _ in 0..<options.starts {
    var peer: Peer?
    starts.append(
        nanoseconds {
            peer = try! Peer(executable: executable, statePath: statePath)
            _ = peer!.roundTrip(initialize)
        })
    peer!.close()
}
rows.append(
    ("cold start → initialize response", format(percentile(starts, 0.5)), format(percentile(starts, 0.99)), "–"))

// Per-call latency in one long session of each era.
let peer = try! Peer(executable: executable, statePath: statePath)
_ = peer.roundTrip(initialize)
peer.notify(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
let cases: [(String, String)] = [
    ("ping", #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#),
    ("tools/list", #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#),
    (
        "tools/call server_info",
        #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"server_info","arguments":{}}}"#
    ),
    (
        "tools/call with bad arguments (isError)",
        #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"server_info","arguments":{"x":1}}}"#
    ),
]
for (name, line) in cases {
    var samples: [UInt64] = []
    samples.reserveCapacity(options.calls)
    let total = nanoseconds {
        for _ in 0..<options.calls { samples.append(nanoseconds { _ = peer.roundTrip(line) }) }
    }
    let perSecond = Double(options.calls) / (Double(total) / 1_000_000_000)
    rows.append(
        (
            name + " (2025-11-25)", format(percentile(samples, 0.5)), format(percentile(samples, 0.99)),
            String(format: "%.0f", perSecond)
        ))
}
let peak = peer.peakResidentKiB
peer.close()

let modern = try! Peer(executable: executable, statePath: statePath)
let modernCall =
    #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"server_info","arguments":{},"# + envelope + "}}"
var modernSamples: [UInt64] = []
let modernTotal = nanoseconds {
    for _ in 0..<options.calls { modernSamples.append(nanoseconds { _ = modern.roundTrip(modernCall) }) }
}
rows.append(
    (
        "tools/call server_info (2026-07-28)", format(percentile(modernSamples, 0.5)),
        format(percentile(modernSamples, 0.99)),
        String(format: "%.0f", Double(options.calls) / (Double(modernTotal) / 1_000_000_000))
    ))
modern.close()
try? FileManager.default.removeItem(at: stateDirectory)

report("| measurement | p50 | p99 | calls/s |")
report("|---|---|---|---|")
for row in rows { report("| \(row.0) | \(row.1) | \(row.2) | \(row.3) |") }
if let peak {
    report(
        "\nPeak resident memory of the server after \(options.calls * cases.count) calls: \(peak / 1024) MiB (\(peak) KiB)"
    )
}
report("Samples: \(options.starts) cold starts, \(options.calls) calls per row.")
report("")
report(StoreBenchmark.run(executable: executable, sizes: options.storeSizes, mutations: options.mutations))
report("")
report(WorkflowBenchmark.run(executable: executable, advances: options.mutations))
report("")
report(BoardBenchmark.run(executable: executable, rounds: min(options.mutations, 200)))
report("")
report(SharedServerBenchmark.run(executable: executable, calls: options.calls))
report("")
report(EvidenceBenchmark.run(executable: executable, files: options.evidenceFiles, rounds: 30))
report("")
report(ImportBenchmark.run(executable: executable, rounds: 30))
report("")
report(SearchBenchmark.run(executable: executable, calls: 30))
report("")
report(ArchiveBenchmark.run(executable: executable, calls: min(options.calls, 500), starts: options.starts))
