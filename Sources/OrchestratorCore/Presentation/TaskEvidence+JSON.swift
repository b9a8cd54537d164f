package import OrchestratorJSON

extension TaskEvidence {
    /// The files as the person's views show them (the board, the app, the notify command's event):
    /// path, kind, the path a renamed file had, and the lines (absent for a binary file). The state
    /// file writes its own, which is the format's and changes only with its version.
    package var filesJSON: JSONValue {
        .array(
            files.map { file in
                var object: [String: JSONValue] = ["path": .string(file.path), "kind": .string(file.kind.rawValue)]
                object["previousPath"] = file.previousPath.map(JSONValue.string)
                object["added"] = file.added.map(JSONValue.int)
                object["removed"] = file.removed.map(JSONValue.int)
                return .object(object)
            })
    }
}
