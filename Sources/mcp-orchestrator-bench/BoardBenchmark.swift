import Foundation

/// The board and waiting agents, as a person and an agent meet them: how long a change made by an MCP
/// server takes to reach the board's event stream, how long a waiting `get_next_task` takes to return
/// after the person approves on the board, what a wait costs the waiting server, and the board's memory
/// with 1,000 tasks.
enum BoardBenchmark {
    static func run(executable: URL, rounds: Int) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("orchestrator-bench-board-\(getpid())")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state.json").path
        let agent = try! Peer(executable: executable, statePath: state)
        _ = agent.roundTrip(
            #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#
        )
        agent.notify(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        // A chain: each task depends on the one before, so each approval unlocks exactly the next.
        let tasks = (1...(rounds + 2)).map { index in
            #"{"title":"Step \#(index)","description":"d"\#(index > 1 ? #","dependsOn":[\#(index - 1)]"# : "")}"#
        }
        _ = agent.roundTrip(
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"request_planning","arguments":{"originalRequest":"Bench","tasks":[\#(tasks.joined(separator: ","))]}}}"#
        )
        let board = BoardProcess(executable: executable, statePath: state)
        defer { board.stop() }

        // A change by an MCP server until the board's event stream carries it.
        let stream = board.openEvents()
        var revision = stream.nextStateRevision()
        var shown: [UInt64] = []
        for index in 0..<rounds {
            shown.append(
                nanoseconds {
                    agent.notify(
                        #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"update_task","arguments":{"requestId":"req-1","taskId":"task-\#(rounds + 2)","title":"Last \#(index)"}}}"#
                    )
                    while stream.nextStateRevision() <= revision {}
                })
            _ = agent.nextLine()
            revision += 1
        }

        // A waiting get_next_task, resumed by an approval on the board.
        _ = agent.roundTrip(#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_next_task"}}"#)
        var resumed: [UInt64] = []
        for index in 1...rounds {
            _ = agent.roundTrip(
                #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"mark_task_done","arguments":{"requestId":"req-1","taskId":"task-\#(index)","completedDetails":"done"}}}"#
            )
            agent.notify(
                #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"get_next_task","arguments":{"waitSeconds":50},"_meta":{"progressToken":"w"}}}"#
            )
            while !String(decoding: agent.nextLine(), as: UTF8.self).contains("Waiting for") {}
            resumed.append(
                nanoseconds {
                    board.approve(task: "task-\(index)")
                    while !String(decoding: agent.nextLine(), as: UTF8.self).contains(#""id":5"#) {}
                })
            board.finishApproval()
        }

        // What a wait costs the waiting server: its CPU time over a 5-second wait in which nothing happens.
        _ = agent.roundTrip(
            #"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"mark_task_done","arguments":{"requestId":"req-1","taskId":"task-\#(rounds + 1)","completedDetails":"done"}}}"#
        )
        let before = cpuMilliseconds(agent.process.processIdentifier)
        _ = agent.roundTrip(
            #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_next_task","arguments":{"waitSeconds":5}}}"#
        )
        let waitCost = cpuMilliseconds(agent.process.processIdentifier) - before
        agent.close()
        stream.close()

        // The board's memory with 1,000 tasks: a fresh board that has sent its view once.
        let large = root.appendingPathComponent("large.json").path
        let planner = try! Peer(executable: executable, statePath: large)
        _ = planner.roundTrip(
            #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#
        )
        planner.notify(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        for request in 0..<10 {
            let hundred = (1...100).map { index in
                #"{"title":"Request \#(request) task \#(index) with a title of ordinary length","description":"A description of a sentence or two, as agents write them.","dependsOn":[\#(index > 1 ? "\(index - 1)" : "")]}"#
            }
            _ = planner.roundTrip(
                #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"request_planning","arguments":{"originalRequest":"Large \#(request)","tasks":[\#(hundred.joined(separator: ","))]}}}"#
            )
        }
        planner.close()
        let largeBoard = BoardProcess(executable: executable, statePath: large)
        let largeStream = largeBoard.openEvents()
        let viewBytes = largeStream.nextStateBytes()
        let memory = largeBoard.peakResidentKiB
        largeStream.close()
        largeBoard.stop()

        var lines = [
            "| board and waiting agents | p50 | p99 |",
            "|---|---|---|",
            "| a change by an MCP server until the board's event stream carries it | \(format(percentile(shown, 0.5))) | \(format(percentile(shown, 0.99))) |",
            "| Approve on the board until the waiting get_next_task returns the next task | \(format(percentile(resumed, 0.5))) | \(format(percentile(resumed, 0.99))) |",
            "",
            "Samples: \(rounds) of each. A server waiting 5 s with nothing happening used \(waitCost) ms of CPU (inotify: it sleeps until the file changes).",
        ]
        if let memory {
            lines.append(
                "The board with 1,000 tasks (10 requests × 100): peak resident memory \(memory / 1024) MiB (\(memory) KiB) after sending its \(viewBytes / 1024) KiB view."
            )
        }
        return lines.joined(separator: "\n")
    }

    /// User and system CPU time of a process, from /proc, in milliseconds.
    static func cpuMilliseconds(_ pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        let ticks = (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
        return ticks * 1000 / Int(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// A running `mcp-orchestrator board`, signed in as the page is: cookie and anti-forgery token.
final class BoardProcess {
    let process = Process()
    let port: UInt16
    private let cookie: String
    private let csrf: String
    private var decisions: HTTPConnection?

    init(executable: URL, statePath: String) {
        let errors = Pipe()
        process.executableURL = executable
        process.arguments = ["board", "--state", statePath]
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try! process.run()
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(errors.fileHandleForReading.fileDescriptor, &byte, 1) == 1, byte != 10 { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        let address = text[text.range(of: "http://127.0.0.1:")!.upperBound...]
        port = UInt16(address.prefix { $0.isNumber })!
        let token = String(address[address.range(of: "token=")!.upperBound...])
        let signIn = HTTPConnection(port: port)
        signIn.send("GET /?token=\(token) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        let head = signIn.readHead()
        cookie = String(
            head.split(separator: "\r\n").first { $0.hasPrefix("Set-Cookie: ") }!.dropFirst(12).prefix { $0 != ";" })
        signIn.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(cookie)\r\n\r\n")
        let page = signIn.readBody(of: signIn.readHead())
        let marker = page.range(of: #"name="board-csrf" content=""#)!
        csrf = String(page[marker.upperBound...].prefix { $0 != "\"" })
        signIn.close()
    }

    /// The live event stream, read line by line.
    func openEvents() -> HTTPConnection {
        let stream = HTTPConnection(port: port)
        stream.send("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(cookie)\r\n\r\n")
        _ = stream.readHead()
        return stream
    }

    /// Sends an approval as the page does, on a kept-alive connection; `finishApproval` reads the reply.
    func approve(task: String) {
        if decisions == nil { decisions = HTTPConnection(port: port) }
        let body = #"{"requestId":"req-1","taskId":"\#(task)"}"#
        decisions!.send(
            "POST /api/approve HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(cookie)\r\nOrigin: http://127.0.0.1:\(port)\r\n"
                + "X-Board-CSRF: \(csrf)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        )
    }

    func finishApproval() {
        guard let decisions else { return }
        let head = decisions.readHead()
        precondition(head.hasPrefix("HTTP/1.1 200"), "the board refused the approval: \(head)")
        _ = decisions.readBody(of: head)
    }

    var peakResidentKiB: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }

    func stop() {
        decisions?.close()
        process.terminate()
        process.waitUntilExit()
    }
}

/// A plain TCP connection to the board that reads heads, bodies and event-stream lines.
final class HTTPConnection {
    private let descriptor: Int32
    private var pending: [UInt8] = []

    init(port: UInt16) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        precondition(connected == 0, "cannot connect to the board")
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            precondition(written > 0, "the board closed the connection")
            offset += written
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        precondition(count > 0, "the board closed the connection")
        pending.append(contentsOf: chunk[..<count])
    }

    /// Bytes up to (without) `separator`.
    private func take(until separator: [UInt8]) -> [UInt8] {
        while true {
            if pending.count >= separator.count {
                for index in 0...(pending.count - separator.count)
                where pending[index..<index + separator.count].elementsEqual(separator) {
                    let taken = Array(pending[..<index])
                    pending.removeFirst(index + separator.count)
                    return taken
                }
            }
            fill()
        }
    }

    func readHead() -> String { String(decoding: take(until: Array("\r\n\r\n".utf8)), as: UTF8.self) }

    func readBody(of head: String) -> String {
        let length =
            head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length: ") }
            .flatMap { Int($0.dropFirst(16)) } ?? 0
        while pending.count < length { fill() }
        let body = Array(pending[..<length])
        pending.removeFirst(length)
        return String(decoding: body, as: UTF8.self)
    }

    /// The next `state` event's data.
    func nextStateBytes() -> Int {
        while true {
            let line = String(decoding: take(until: [10]), as: UTF8.self)
            if line.hasPrefix("data: ") { return line.utf8.count - 6 }
        }
    }

    /// The revision of the next `state` event.
    func nextStateRevision() -> Int {
        while true {
            let line = String(decoding: take(until: [10]), as: UTF8.self)
            guard line.hasPrefix("data: "), let range = line.range(of: #""revision":"#) else { continue }
            return Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
        }
    }

    func close() { Foundation.close(descriptor) }
}
