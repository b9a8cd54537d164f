import Foundation
import OrchestratorJSON
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files around the state file under hostile and careless use (issue 13): links planted at the
/// names we write, files we create, a mistyped `--state`. Each through the binary.
@Suite struct StoreHardeningTests {
    static let plan: JSONValue = ["originalRequest": "R", "tasks": [["title": "T", "description": "d"]]]

    static func code(_ result: JSONValue) -> String? { result["structuredContent"]?["error"]?["code"]?.stringValue }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    @Test func aLinkPlantedAsTheTemporaryFileIsRemovedAndNeverWrittenThrough() throws {
        let state = ServerProcess.temporaryStatePath()
        let server = try LineClient(arguments: ["--state", state])
        _ = try server.call("request_planning", Self.plan)
        let outside = TemporaryDirectory.make() + "/victim.txt"
        try "the victim's own text".write(toFile: outside, atomically: true, encoding: .utf8)
        chmod(outside, 0o644)
        try FileManager.default.createSymbolicLink(atPath: state + ".tmp", withDestinationPath: outside)
        #expect(try server.call("request_planning", Self.plan)["isError"] == nil)
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "the victim's own text")
        #expect((try FileManager.default.attributesOfItem(atPath: outside)[.posixPermissions] as? Int) == 0o644)
        #expect(Self.isRegularFile(state), "state.json is the file itself, not a link to the victim")
        #expect(!FileManager.default.fileExists(atPath: state + ".tmp"))
        #expect(try server.call("list_requests")["structuredContent"]?["requests"]?.arrayValue?.count == 2)
        #expect(server.close() == 0)
    }

    @Test func aLinkPlantedAsTheLockFileIsRefusedAndItsTargetNeverMade() throws {
        let state = ServerProcess.temporaryStatePath()
        let folder = ProcessPathsTesting.parent(state)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let missing = TemporaryDirectory.make() + "/made-by-the-server"
        try FileManager.default.createSymbolicLink(atPath: state + ".lock", withDestinationPath: missing)
        let server = try LineClient(arguments: ["--state", state])
        let refused = try server.call("request_planning", Self.plan)
        #expect(Self.code(refused) == "state_write_failed")
        let text = refused["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(text.contains("symbolic link") && text.contains("ELOOP") && text.contains(state + ".lock"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(!FileManager.default.fileExists(atPath: state))
        #expect(server.close() == 0)
    }

    @Test func exportWritesOwnerOnlyFilesEvenUnderAWideUmask() throws {
        let state = ServerProcess.temporaryStatePath()
        let server = try LineClient(arguments: ["--state", state])
        _ = try server.call("request_planning", Self.plan)
        #expect(server.close() == 0)
        let output = TemporaryDirectory.make() + "/report.md"
        let run = try ServerProcess.run(
            ["export", "--format", "markdown", "--output", output, "--state", state],
            launcher: ["/bin/sh", "-c", "umask 000; exec \"$0\" \"$@\"", ServerProcess.executable.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int) == 0o600)
    }

    #if os(Linux)
        /// A full disk, made with a tiny tmpfs where the process may mount one (root in CI), else with a
        /// file size limit of one byte (`EFBIG`): either way a sentence with the path and the errno name.
        @Test func aFailedExportIsASentenceNamingThePathAndTheError() throws {
            let state = ServerProcess.temporaryStatePath()
            let server = try LineClient(arguments: ["--state", state])
            _ = try server.call("request_planning", Self.plan)
            #expect(server.close() == 0)
            let output = TemporaryDirectory.make() + "/report.html"
            let run = try ServerProcess.run(
                ["export", "--format", "html", "--output", output, "--state", state],
                launcher: ["/bin/sh", "-c", "ulimit -f 0; exec \"$0\" \"$@\"", ServerProcess.executable.path])
            #expect(run.status == 74)
            #expect(
                run.stderr.contains("the export was not written: cannot write \(output).tmp: file too large (EFBIG)"),
                "\(run.stderr)")
            #expect(!run.stderr.contains("Error("), "no raw error dump")
            #expect(
                !FileManager.default.fileExists(atPath: output)
                    && !FileManager.default.fileExists(atPath: output + ".tmp"))
        }
    #endif

    /// Whether this process may mount a small tmpfs (root on Linux, as in CI): a real full disk.
    static let canMountTmpfs: Bool = {
        #if os(Linux)
            let probe = TemporaryDirectory.make()
            guard mount("tmpfs", probe, "tmpfs", 0, "size=16k") == 0 else { return false }
            umount(probe)
            return true
        #else
            return false
        #endif
    }()

    #if os(Linux)
        @Test(.enabled(if: canMountTmpfs, "needs permission to mount a tmpfs"))
        func anExportOntoAFullDiskIsASentenceWithENOSPCAndLeavesNothing() throws {
            let state = ServerProcess.temporaryStatePath()
            let server = try LineClient(arguments: ["--state", state])
            _ = try server.call(
                "request_planning",
                [
                    "originalRequest": "R",
                    "tasks": .array(
                        (1...100).map { _ in ["title": .string(String(repeating: "t", count: 200)), "description": "d"]
                        }),
                ])
            #expect(server.close() == 0)
            let disk = TemporaryDirectory.make()
            #expect(mount("tmpfs", disk, "tmpfs", 0, "size=16k") == 0)
            defer { umount(disk) }
            let run = try ServerProcess.run([
                "export", "--format", "markdown", "--output", "\(disk)/report.md", "--state", state,
            ])
            #expect(run.status == 74)
            #expect(
                run.stderr.contains(
                    "the export was not written: cannot write \(disk)/report.md.tmp: no space left on device (ENOSPC)"),
                "\(run.stderr)")
            #expect(
                ((try? FileManager.default.contentsOfDirectory(atPath: disk)) ?? ["?"]).isEmpty,
                "nothing left on the full disk")
        }
    #endif

    @Test func aMistypedStatePathSaysThereIsNoFileAndCreatesNothing() throws {
        let root = TemporaryDirectory.make() + "/no/such/folder"
        let state = root + "/state.json"
        // One sentence and one exit status from every command, reading or deciding.
        let sentence = "no state file at \(state) yet: nothing has been planned with this path"
        for words in [
            ["status"], ["status", "--archived"], ["show", "task-1"], ["export", "--format", "json"],
            ["approve", "req-1", "task-1"], ["reject", "req-1", "task-1", "--feedback", "no"],
            ["approve-request", "req-1"], ["approver", "req-1", "human"], ["search", "word"],
        ] {
            let run = try ServerProcess.run(words + ["--state", state])
            #expect(run.status == 1 && run.stderr.contains(sentence) && run.stdout.isEmpty, "\(words): \(run)")
        }
        let server = try LineClient(arguments: ["--state", state])
        #expect(
            Self.code(try server.call("approve_task_completion", ["requestId": "req-1", "taskId": "task-1"]))
                == "request_not_found")
        #expect(try server.call("get_next_task")["isError"] == nil, "a change that changes nothing")
        #expect(
            !FileManager.default.fileExists(atPath: ProcessPathsTesting.parent(ProcessPathsTesting.parent(root))),
            "no folder, lock or file was made")
        // The first real change creates the folders and the file.
        #expect(try server.call("request_planning", Self.plan)["isError"] == nil)
        #expect(server.close() == 0)
        #expect(Self.isRegularFile(state))
        #expect(try ServerProcess.run(["status", "--state", state]).stdout.contains("req-1"))
    }
}

/// Path helpers for tests, without Foundation's NSString.
enum ProcessPathsTesting {
    static func parent(_ path: String) -> String { (path as NSString).deletingLastPathComponent }
}

/// Everyday mistakes on the command line get a helpful answer (issue 13).
@Suite struct CommandLineMistakeTests {
    @Test func aMistypedSubcommandListsTheCommandsAndSuggestsTheNearest() throws {
        let run = try ServerProcess.run(["stauts"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("'stauts' is not a command. Did you mean 'status'?"), "\(run.stderr)")
        #expect(run.stderr.contains("approve-request") && run.stderr.contains("export"))
        let far = try ServerProcess.run(["frobnicate"])
        #expect(
            far.status == 64 && !far.stderr.contains("Did you mean")
                && far.stderr.contains("Commands (each has --help):"))
    }
}

/// Nothing read from a workflows directory escapes it (issue 13): role files and workflow folders
/// that are links to the outside are not read, through the binary.
@Suite struct WorkflowContainmentTests {
    @Test func aRoleFileLinkedOutsideIsNotRead() throws {
        let directory = WorkflowFixtures.directory(["roles/inside.md": "# Inside\nStay in the folder."])
        let secret = TemporaryDirectory.make() + "/secret.txt"
        try "root:x:0:0:the secret".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/roles/leaky.md", withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(
            atPath: "\(directory)/roles/alias.md", withDestinationPath: "inside.md")
        let server = try LineClient(arguments: [
            "--state", ServerProcess.temporaryStatePath(), "--workflows", directory,
        ])
        _ = try server.call(
            "request_planning",
            [
                "originalRequest": "r", "approvalPolicy": "auto",
                "tasks": [
                    ["title": "a", "description": "d", "role": "leaky"],
                    ["title": "b", "description": "d", "role": "alias"],
                ],
            ])
        let leaky = try server.call("get_next_task")
        #expect(leaky["structuredContent"]?["task"]?["id"] == "task-1")
        #expect(!"\(leaky)".contains("the secret"))
        #expect(leaky["structuredContent"]?["roleGuidance"] == nil)
        _ = try server.call("mark_task_done", ["requestId": "req-1", "taskId": "task-1", "completedDetails": "x"])
        let alias = try server.call("get_next_task")
        #expect(
            alias["structuredContent"]?["roleGuidance"]?.stringValue?.contains("Stay in the folder.") == true,
            "a link inside is fine")
        #expect(!"\(try server.call("list_workflows"))".contains("the secret"))
        #expect(server.close() == 0)
    }

    @Test func aWorkflowFolderLinkedOutsideIsRefusedWithItsReason() throws {
        let directory = WorkflowFixtures.directory([
            "home/index.md": "1. [Only](steps/only.md)",
            "home/steps/only.md": "# Orchestrator Guidance\nFINISH.\n\n# Client Instructions\nDo it.\n",
        ])
        let outside = WorkflowFixtures.directory([
            "away/index.md": "1. [Only](steps/only.md)",
            "away/steps/only.md": "# Orchestrator Guidance\nFINISH.\n\n# Client Instructions\nOutside text.\n",
        ])
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/away", withDestinationPath: "\(outside)/away")
        let server = try LineClient(arguments: [
            "--state", ServerProcess.temporaryStatePath(), "--workflows", directory,
        ])
        let started = try server.call("start_workflow", ["workflow_name": "away"])
        #expect(started["structuredContent"]?["error"]?["code"] == "workflow_invalid")
        #expect(started["content"]?[0]?["text"]?.stringValue?.contains("is a symbolic link to") == true, "\(started)")
        let resource = try server.request("resources/read", ["uri": "orchestrator://workflows/away"])
        #expect(!"\(resource)".contains("Outside text."))
        #expect(try server.call("start_workflow", ["workflow_name": "home"])["isError"] == nil)
        #expect(server.close() == 0)
        let validate = try ServerProcess.run(["workflows", "validate", directory])
        #expect(
            validate.status == 1 && validate.stdout.contains("away:1: error: the workflow folder is a symbolic link"),
            "\(validate.stdout)")
    }
}

/// A hand-edited `dependsOn` that names no task is reported when the file is loaded and explains
/// why `get_next_task` hands nothing out (issue 13).
@Suite struct DanglingDependencyTests {
    @Test func aDanglingDependencyIsReportedAtLoadAndByGetNextTask() throws {
        let state = ServerProcess.temporaryStatePath()
        let writer = try LineClient(arguments: ["--state", state])
        _ = try writer.call(
            "request_planning",
            [
                "originalRequest": "R",
                "tasks": [["title": "A", "description": "d"], ["title": "B", "description": "d", "dependsOn": [1]]],
            ])
        #expect(writer.close() == 0)
        let text = try String(contentsOfFile: state, encoding: .utf8)
        let edited = text.replacingOccurrences(of: #""dependsOn":[]"#, with: #""dependsOn":["task-99"]"#)
        #expect(edited != text)
        try edited.write(toFile: state, atomically: true, encoding: .utf8)

        let server = try LineClient(arguments: ["--state", state, "--toolsets", "all"])
        let sentence = "task task-1 of req-1 depends on task-99, which is not a task of req-1"
        let info = try server.call("server_info")
        #expect(
            info["structuredContent"]?["stateFile"]?["warnings"]?[0]?.stringValue?.contains(sentence) == true, "\(info)"
        )
        let health = try server.call("get_system_health")
        #expect(health["structuredContent"]?["healthy"] == false)
        #expect(health["structuredContent"]?["state_file"]?["warnings"]?[0]?.stringValue?.contains(sentence) == true)
        let next = try server.call("get_next_task", ["requestId": "req-1"])
        #expect(next["structuredContent"]?["status"] == "stuck", "\(next)")
        #expect(next["structuredContent"]?["stuck"] == [["taskId": "task-1", "missing": ["task-99"]]])
        #expect(next["content"]?[0]?["text"]?.stringValue?.contains(sentence) == true)
        // Fixing the dependency is an ordinary update, and the warning is gone.
        #expect(
            try server.call("update_task", ["requestId": "req-1", "taskId": "task-1", "dependsOn": []])["isError"]
                == nil)
        #expect(try server.call("server_info")["structuredContent"]?["stateFile"]?["warnings"] == nil)
        #expect(try server.call("get_next_task", ["requestId": "req-1"])["structuredContent"]?["status"] == "claimed")
        server.server.closeInput()
        let finished = server.server.finish()
        #expect(finished.stderr.contains("warning: \(state): \(sentence)"), "\(finished.stderr)")
    }
}

/// Stored text never drives the person's terminal or viewer (issue 13): control characters are
/// pictured in `status`, the Markdown and HTML exports, error sentences and the tools' tables.
@Suite struct TerminalEscapeTests {
    static let title = "\u{1B}[2J\u{1B}[31mAPPROVED\u{1B}[0m\u{0}\u{9B}"
    static let request = "Plan \u{1B}]0;owned\u{07} it\r"

    @Test func controlCharactersAreShownVisiblyInEveryOutput() throws {
        let state = ServerProcess.temporaryStatePath()
        let server = try LineClient(arguments: ["--state", state])
        let planned = try server.call(
            "request_planning",
            ["originalRequest": .string(Self.request), "tasks": [["title": .string(Self.title), "description": "d"]]])
        let table = planned["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(!table.contains("\u{1B}") && table.contains("␛[2J␛[31mAPPROVED␛[0m␀\\u{9b}"), "\(table)")
        let next = try server.call("get_next_task")
        let text = next["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(!text.contains("\u{1B}") && text.contains("is yours: ␛[2J"), "\(text)")
        #expect(
            next["structuredContent"]?["task"]?["title"]?.stringValue == Self.title,
            "structured content keeps the exact text")
        #expect(server.close() == 0)

        let status = try ServerProcess.run(["status", "--state", state])
        #expect(
            !status.stdout.contains("\u{1B}") && !status.stdout.contains("\u{07}") && !status.stdout.contains("\u{0}"))
        #expect(
            status.stdout.contains("␛[2J␛[31mAPPROVED␛[0m␀\\u{9b}") && status.stdout.contains("Plan ␛]0;owned␇ it␍"),
            "\(status.stdout)")
        let markdown = try ServerProcess.run(["export", "--format", "markdown", "--state", state])
        #expect(
            !markdown.stdout.contains("\u{1B}") && markdown.stdout.contains("␛[2J␛[31mAPPROVED␛[0m␀"),
            "\(markdown.stdout)")
        let html = try ServerProcess.run(["export", "--format", "html", "--state", state])
        #expect(!html.stdout.contains("\u{0}") && !html.stdout.contains("\u{1B}") && html.stdout.contains("␛[2J"))
        let refused = try ServerProcess.run(["status", "bad\u{1B}[2Jid", "--state", state])
        #expect(refused.status == 1 && !refused.stderr.contains("\u{1B}") && refused.stderr.contains("bad␛[2Jid"))
    }
}

extension CommandLineMistakeTests {
    /// The printed `claude mcp add` line is one a POSIX shell parses back into exactly the arguments,
    /// whatever the path holds; and every server option is accepted.
    @Test func configPrintsAShellLineThatParsesBackToTheArguments() throws {
        let home = TemporaryDirectory.make()
        let state = "\(home)/my dir/state's \"quoted\" $HOME `x`.json"
        let run = try ServerProcess.run([
            "config", "claude-code", "--state", state, "--lock-wait-seconds", "3", "--max-line-bytes", "100000",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("claude mcp add") })
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "claude() { for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }\n" + line]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let words = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(
            separator: "\n"
        ).map(String.init)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(
            words == [
                "mcp", "add", "--transport", "stdio", "--scope", "user", "orchestrator", "--",
                ServerProcess.executable.path, "--state", state, "--lock-wait-seconds", "3", "--max-line-bytes",
                "100000",
            ], "\(words)")
    }
}
