import Foundation

/// What importing a Task Master plan of real size costs, as the person runs it: the whole
/// `mcp-orchestrator import taskmaster FILE` process, from start to exit, on a file of 1,100 tasks
/// (4 tags of 55 tasks with 4 subtasks each, details and test strategies as Task Master writes them)
/// into a fresh state file each time.
enum ImportBenchmark {
    static func run(executable: URL, rounds: Int) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "orchestrator-import-bench-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let source = root.appendingPathComponent("tasks.json")
        try! JSONSerialization.data(withJSONObject: file(), options: [.prettyPrinted]).write(to: source)
        var samples: [UInt64] = []
        for round in 0..<rounds {
            let state = root.appendingPathComponent("state-\(round).json").path
            let process = Process()
            process.executableURL = executable
            process.arguments = ["import", "taskmaster", source.path, "--state", state]
            process.standardOutput = FileHandle.nullDevice
            samples.append(
                nanoseconds {
                    try! process.run()
                    process.waitUntilExit()
                })
            precondition(process.terminationStatus == 0, "the import failed")
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0
        return [
            "| import taskmaster (the whole process) | p50 | p99 | target |",
            "|---|---|---|---|",
            "| 1,100 tasks in 4 tags, \(bytes / 1024) KiB | \(format(percentile(samples, 0.5))) | \(format(percentile(samples, 0.99))) | < 1 s |",
            "",
            "\(rounds) imports, each into a fresh state file.",
        ].joined(separator: "\n")
    }

    /// Four tags of 55 tasks, each with four subtasks, each waiting for the one before.
    private static func file() -> [String: Any] {
        var tags: [String: Any] = [:]
        for tag in 0..<4 {
            let tasks: [[String: Any]] = (1...55).map { number in
                let subtasks: [[String: Any]] = (1...4).map { sub in
                    [
                        "id": sub, "title": "Part \(sub) of task \(number)",
                        "description": String(repeating: "A part of the work. ", count: 5),
                        "details": String(repeating: "Step by step. ", count: 20),
                        "status": sub < 3 ? "done" : "pending",
                        "dependencies": sub > 1 ? [sub - 1] : [],
                    ]
                }
                return [
                    "id": number, "title": "Task \(number)", "description": String(repeating: "The task. ", count: 10),
                    "details": String(repeating: "Details. ", count: 40),
                    "testStrategy": String(repeating: "Test it. ", count: 10), "status": "pending",
                    "priority": "medium",
                    "dependencies": number > 1 ? [number - 1] : [], "subtasks": subtasks,
                ]
            }
            tags["tag-\(tag)"] = ["tasks": tasks, "metadata": ["created": "2026-01-01", "description": "Tag \(tag)"]]
        }
        return tags
    }
}
