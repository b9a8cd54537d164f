package import OrchestratorJSON

extension TaskChecks {
    /// The checks as the person's views show them (the board, the app, the notify command's event):
    /// the summary, whether some still run, and each check's name, kind, status, exit status, time
    /// and output tail. The state file writes its own, which is the format's.
    package var viewJSON: JSONValue {
        [
            "summary": .string(summary), "running": .bool(isRunning),
            "runs": .array(
                runs.map { run in
                    var entry: [String: JSONValue] = [
                        "name": .string(run.name), "required": .bool(run.required),
                        "status": .string(run.status.rawValue),
                    ]
                    entry["exitStatus"] = run.exitStatus.map(JSONValue.int)
                    entry["milliseconds"] = run.milliseconds.map(JSONValue.int)
                    entry["tail"] = run.tail.map(JSONValue.string)
                    return .object(entry)
                }),
        ]
    }
}
