import Foundation
import OrchestratorJSON
import Testing

/// `status` in a real terminal (tmux, 80 columns), as a person sees it (issue 16, item 7): no line
/// wraps but a command to copy, long titles are cut with …, colours are on, and `NO_COLOR` turns
/// them off.
@Suite(.serialized) struct TerminalViewTests {
    static let tmux = PersonTerminal.tmux

    static func screen(_ command: String, escapes: Bool) throws -> String {
        try PersonTerminal.screen(command, escapes: escapes)
    }

    @Test(.enabled(if: tmux != nil, "needs tmux; .ci/run installs it"))
    func statusFitsAnEightyColumnTerminal() throws {
        let state = ServerProcess.temporaryStatePath()
        let server = try LineClient(arguments: ["--state", state])
        _ = try server.call(
            "request_planning",
            [
                "originalRequest": .string("Rewrite " + String(repeating: "the reporting pipeline ", count: 5)),
                "tasks": [
                    [
                        "title": .string("Replace " + String(repeating: "every legacy exporter ", count: 5)),
                        "description": "d",
                    ],
                    ["title": "Test it", "description": "d", "dependsOn": [1]],
                ],
            ])
        _ = try server.call("get_next_task")
        _ = try server.call("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "done"])
        #expect(server.close() == 0)
        let binary = ServerProcess.executable.path
        let plain = try Self.screen(
            "/usr/bin/env -u NO_COLOR TERM=xterm-256color '\(binary)' status --state '\(state)'", escapes: false)
        let lines = plain.split(separator: "\n").map(String.init)
        let table = lines.filter { $0.hasPrefix("#  task") || $0.hasPrefix("1  task-1") || $0.hasPrefix("2  task-2") }
        #expect(table.count == 3, "\(plain)")
        // Only a word that cannot be cut may be wider: the state file's path.
        for line in lines where !line.contains(state) {
            #expect(line.count <= 80, "wrapped: \(line)")
        }
        let waiting = try #require(lines.firstIndex(of: "Waiting for you:"), "\(plain)")
        #expect(
            lines[waiting + 1].hasPrefix("  task-1 of req-1, done: Replace every") && lines[waiting + 1].hasSuffix("…"))
        // The commands, once, wrapped as the shell reads them (a line ending in \ goes on).
        #expect(lines[waiting + 2] == "    mcp-orchestrator approve task-1 --state \\")
        #expect(lines[waiting + 3] == "      \(state)")
        #expect(lines[waiting + 4] == "    mcp-orchestrator reject task-1 --feedback 'what to change' --state \\")
        #expect(lines[waiting + 5] == "      \(state)")
        #expect(table[1].contains("…") && table[1].contains("done, needs you"), "\(plain)")
        let heading = lines.first { $0.hasPrefix("req-1 (") } ?? ""
        #expect(heading.contains("…") && heading.hasSuffix(" — 1 pending, 1 done"), "counts kept: \(plain)")
        let coloured = try Self.screen(
            "/usr/bin/env -u NO_COLOR TERM=xterm-256color '\(binary)' status --state '\(state)'", escapes: true)
        #expect(coloured.contains("\u{1B}[31mdone, needs you"), "colour on a terminal: what needs the person in red")
        let noColour = try Self.screen("/usr/bin/env NO_COLOR=1 '\(binary)' status --state '\(state)'", escapes: true)
        #expect(!noColour.contains("\u{1B}[") && noColour.contains("done, needs you"), "NO_COLOR honoured")
        // Pasted into a shell as printed, the wrapped command runs whole.
        let bin = TemporaryDirectory.make()
        try FileManager.default.createSymbolicLink(atPath: bin + "/mcp-orchestrator", withDestinationPath: binary)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", lines[(waiting + 2)...(waiting + 3)].joined(separator: "\n")]
        shell.environment = ["PATH": bin + ":/usr/bin:/bin"]
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let approved = try ServerProcess.run(["show", "task-1", "--state", state])
        #expect(approved.stdout.contains("Status: approved"), "\(approved)")
    }

    /// A plan of Task Master's real size (1,100 tasks in 4 requests, 8 waiting for the person) in tmux
    /// at 60, 80 and 120 columns: no line is wider than the terminal but one holding the state file's
    /// path (a word that cannot be cut); large requests are their lines; what waits is a line each,
    /// with the commands once.
    @Test(.enabled(if: tmux != nil, "needs tmux; .ci/run installs it"))
    func aThousandTasksFitSixtyEightyAndAHundredTwentyColumns() throws {
        let folder = TemporaryDirectory.make()
        var tags: [String: Any] = [:]
        for tag in 0..<4 {
            tags["tag-\(tag)"] = [
                "tasks": (1...55).map { number in
                    [
                        "id": number, "title": "Task \(number) of a long plan with a title that runs on and on",
                        "description": "d", "status": "pending", "dependencies": number > 3 ? [1, 2, 3] : [],
                        "subtasks": (1...4).map { sub in
                            [
                                "id": sub, "title": "Part \(sub)", "description": "p",
                                "status": number <= 2 && sub == 4 ? "review" : "done",
                            ] as [String: Any]
                        },
                    ] as [String: Any]
                }
            ]
        }
        try JSONSerialization.data(withJSONObject: tags).write(to: URL(fileURLWithPath: folder + "/tasks.json"))
        let state = folder + "/state.json"
        let imported = try ServerProcess.run(["import", "taskmaster", folder + "/tasks.json", "--state", state])
        #expect(imported.status == 0, "\(imported)")
        let binary = ServerProcess.executable.path
        for width in [60, 80, 120] {
            for words in ["status", "status req-1", "show task-5"] {
                let screen = try PersonTerminal.screen(
                    "'\(binary)' \(words) --state '\(state)'", width: width, height: 50)
                let lines = screen.split(separator: "\n").map(String.init)
                #expect(lines.count > 3, "\(words) at \(width): \(screen)")
                for line in lines where !line.contains(state) {
                    #expect(line.count <= width, "\(words) at \(width), \(line.count) wide: \(line)")
                }
                guard words == "status" else { continue }
                #expect(lines.filter { $0.contains("1,100") || $0.hasSuffix("lists them.") }.count == 4, "\(screen)")
                let waiting = lines.drop { $0 != "Waiting for you:" }.dropFirst()
                #expect(waiting.filter { $0.contains(", done: ") }.count == 8, "\(screen)")
                #expect(waiting.filter { $0.hasPrefix("    mcp-orchestrator approve ") }.count == 1, "\(screen)")
            }
        }
    }
}
