package import OrchestratorCore
package import OrchestratorJSON

/// Reads the state document, naming the exact field when something is wrong with it.
package enum StateDecoder {
    /// What a state file holds besides the state itself.
    package struct Document: Sendable {
        package var state: OrchestratorState
        package var schemaVersion: Int
        package var revision: Int
    }

    /// A field with the wrong shape; `path` is JSON-path-like (`requests[0].tasks[2].status`).
    package struct FormatError: Error, Equatable, CustomStringConvertible {
        package let path: String
        package let problem: String
        package var description: String { "\(path) \(problem)" }

        package init(path: String, problem: String) {
            self.path = path
            self.problem = problem
        }
    }

    /// The `schemaVersion` of a parsed document, read before anything else so a newer file is
    /// recognised even when the rest does not decode.
    package static func schemaVersion(of root: JSONValue) throws(FormatError) -> Int {
        guard case .object = root else { throw FormatError(path: "the document", problem: "must be a JSON object") }
        return try Field(root, "").int("schemaVersion")
    }

    package static func decode(_ root: JSONValue) throws(FormatError) -> Document {
        let top = Field(root, "")
        let version = try top.int("schemaVersion")
        let requests = try top.array("requests").enumerated().map { (index, value) throws(FormatError) in
            try request(Field(value, "requests[\(index)]"), schemaVersion: version)
        }
        var ids = Set<String>()
        for (requestIndex, request) in requests.enumerated() {
            for (taskIndex, task) in request.tasks.enumerated() where !ids.insert(task.id.rawValue).inserted {
                throw FormatError(
                    path: "requests[\(requestIndex)].tasks[\(taskIndex)].id", problem: "repeats the task id \(task.id)")
            }
        }
        // Version 1 files have no runs.
        let runs = try top.optionalArray("runs").enumerated().map { (index, value) throws(FormatError) in
            try run(Field(value, "runs[\(index)]"))
        }
        var runIDs = Set<String>()
        for (index, run) in runs.enumerated() where !runIDs.insert(run.id.rawValue).inserted {
            throw FormatError(path: "runs[\(index)].id", problem: "repeats the run id \(run.id)")
        }
        let state = OrchestratorState(
            requests: requests, runs: runs, nextRequestNumber: try top.int("nextRequestNumber"),
            nextTaskNumber: try top.int("nextTaskNumber"), nextRunNumber: try top.optionalInt("nextRunNumber") ?? 1)
        return Document(state: state, schemaVersion: version, revision: try top.int("revision"))
    }

    /// One archived request (a line of the archive), in the current schema.
    package static func archived(_ root: JSONValue) throws(FormatError) -> ArchivedRequest {
        let line = Field(root, "")
        let runs = try line.optionalArray("runs").enumerated().map { (index, value) throws(FormatError) in
            try run(Field(value, "runs[\(index)]"))
        }
        return ArchivedRequest(
            request: try request(
                Field(try line.required("request"), "request"), schemaVersion: try line.int("schemaVersion")),
            runs: runs, archivedAt: try line.timestamp("archivedAt"))
    }

    /// One task, on its own (a row of a database store), named `path` in what it says.
    package static func task(_ value: JSONValue, path: String) throws(FormatError) -> WorkTask {
        try task(Field(value, path))
    }

    /// A request's own fields, on their own (a row of a database store): its tasks are kept apart.
    package static func requestFields(_ value: JSONValue, path: String) throws(FormatError) -> WorkRequest {
        guard case .object(var members) = value else { throw FormatError(path: path, problem: "must be an object") }
        members["tasks"] = .array([])
        return try request(Field(.object(members), path), schemaVersion: StateSchema.currentVersion)
    }

    /// One workflow run, on its own (a row of a database store).
    package static func run(_ value: JSONValue, path: String) throws(FormatError) -> WorkflowRun {
        try run(Field(value, path))
    }

    /// - Parameter schemaVersion: before version 3 the request that holds orchestrator-server's
    ///   tasks was found by its text; such a request reads as marked.
    private static func request(_ field: Field, schemaVersion: Int) throws(FormatError) -> WorkRequest {
        let tasks = try field.array("tasks").enumerated().map { (index, value) throws(FormatError) in
            try task(Field(value, "\(field.path).tasks[\(index)]"))
        }
        let originalRequest = try field.string("originalRequest")
        return WorkRequest(
            id: WorkRequest.ID(try field.string("id")),
            originalRequest: originalRequest,
            splitDetails: try field.optionalString("splitDetails"),
            status: try field.enumeration("status"),
            approvalPolicy: try field.enumeration("approvalPolicy"),
            approver: try field.optionalEnumeration("approver") ?? .agent,
            tasks: tasks,
            createdAt: try field.timestamp("createdAt"),
            updatedAt: try field.timestamp("updatedAt"),
            completedAt: try field.optionalTimestamp("completedAt"),
            completedBy: try field.optionalString("completedBy"),
            workflowRun: try field.optionalString("workflowRun").map(WorkflowRun.ID.init),
            holdsLooseTasks: try field.optionalBool("looseTasks")
                ?? (schemaVersion < 3 && originalRequest == Self.schema2LooseTaskRequestText),
            origin: try origin(field))
    }

    /// Where a request was planned, when it says.
    private static func origin(_ field: Field) throws(FormatError) -> WorkRequest.Origin? {
        guard let value = try field.optionalObject("origin") else { return nil }
        let origin = Field(value, "\(field.path).origin")
        return WorkRequest.Origin(worktree: try origin.string("worktree"), branch: try origin.optionalString("branch"))
    }

    /// How a file of schema 2 or older marked the request that holds orchestrator-server's tasks: by
    /// its text, as that version wrote it. Frozen with the version it reads.
    static let schema2LooseTaskRequestText = "Tasks created with create_task (orchestrator-server tool set)"

    private static func run(_ field: Field) throws(FormatError) -> WorkflowRun {
        guard case .object(let context) = try field.required("context") else {
            throw FormatError(path: "\(field.path).context", problem: "must be an object")
        }
        return WorkflowRun(
            id: WorkflowRun.ID(try field.string("id")),
            workflow: try field.string("workflow"),
            requestID: WorkRequest.ID(try field.string("requestId")),
            status: try field.enumeration("status"),
            currentStep: try field.optionalString("currentStep"),
            currentTask: try field.optionalString("currentTask").map(WorkTask.ID.init),
            context: WorkflowContext(context),
            startedBy: try field.string("startedBy"),
            createdAt: try field.timestamp("createdAt"),
            updatedAt: try field.timestamp("updatedAt"),
            finishedAt: try field.optionalTimestamp("finishedAt"))
    }

    private static func task(_ field: Field) throws(FormatError) -> WorkTask {
        let dependsOn = try field.array("dependsOn").enumerated().map { (index, value) throws(FormatError) in
            guard case .string(let id) = value else {
                throw FormatError(path: "\(field.path).dependsOn[\(index)]", problem: "must be a task id string")
            }
            return WorkTask.ID(id)
        }
        let history = try field.array("history").enumerated().map { (index, value) throws(FormatError) in
            try entry(Field(value, "\(field.path).history[\(index)]"))
        }
        return WorkTask(
            id: WorkTask.ID(try field.string("id")),
            title: try field.string("title"),
            description: try field.string("description"),
            status: try field.enumeration("status"),
            dependsOn: dependsOn,
            priority: try field.enumeration("priority"),
            role: try field.optionalString("role"),
            assignee: try field.optionalString("assignee"),
            claimExpiresAt: try field.optionalTimestamp("claimExpiresAt"),
            completedDetails: try field.optionalString("completedDetails"),
            feedback: try field.optionalString("feedback"),
            approvedBy: try field.optionalString("approvedBy"),
            deletedAt: try field.optionalTimestamp("deletedAt"),
            history: history,
            evidence: try field.optionalObject("evidence").map { (value) throws(FormatError) in
                try evidence(Field(value, "\(field.path).evidence"))
            },
            checks: try field.optionalObject("checks").map { (value) throws(FormatError) in
                try checks(Field(value, "\(field.path).checks"))
            })
    }

    private static func checks(_ field: Field) throws(FormatError) -> TaskChecks {
        let runs = try field.array("runs").enumerated().map { (index, value) throws(FormatError) in
            let run = Field(value, "\(field.path).runs[\(index)]")
            return TaskChecks.Run(
                name: try run.string("name"), required: try run.optionalBool("required") ?? false,
                status: try run.enumeration("status"), exitStatus: try run.optionalSignedInt("exitStatus"),
                milliseconds: try run.optionalInt("milliseconds"), tail: try run.optionalString("tail"))
        }
        return TaskChecks(
            round: try field.int("round"), runs: runs, note: try field.optionalString("note"),
            runner: try field.optionalString("runner"))
    }

    private static func evidence(_ field: Field) throws(FormatError) -> TaskEvidence {
        let files = try field.array("files").enumerated().map { (index, value) throws(FormatError) in
            let file = Field(value, "\(field.path).files[\(index)]")
            return TaskEvidence.FileChange(
                path: try file.string("path"), previousPath: try file.optionalString("previousPath"),
                kind: try file.enumeration("kind"), added: try file.optionalInt("added"),
                removed: try file.optionalInt("removed"))
        }
        let notes = try field.optionalArray("notes").enumerated().map { (index, value) throws(FormatError) in
            guard case .string(let note) = value else {
                throw FormatError(path: "\(field.path).notes[\(index)]", problem: "must be a string")
            }
            return note
        }
        return TaskEvidence(
            round: try field.int("round"), start: try field.optionalString("start"),
            end: try field.optionalString("end"),
            files: files, notes: notes, source: try field.enumeration("source"),
            workTree: try field.optionalString("workTree"))
    }

    private static func entry(_ field: Field) throws(FormatError) -> HistoryEntry {
        let from: WorkTask.Status? = try field.optionalString("from") == nil ? nil : try field.enumeration("from")
        let to: WorkTask.Status? = try field.optionalString("to") == nil ? nil : try field.enumeration("to")
        return HistoryEntry(
            at: try field.timestamp("at"), actor: try field.string("actor"), action: try field.enumeration("action"),
            from: from, to: to, note: try field.optionalString("note"))
    }

    /// An object being decoded and where it sits in the document.
    private struct Field {
        let value: JSONValue
        let path: String

        init(_ value: JSONValue, _ path: String) {
            self.value = value
            self.path = path
        }

        private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

        private func member(_ key: String) throws(FormatError) -> JSONValue? {
            guard case .object(let members) = value else { throw FormatError(path: path, problem: "must be an object") }
            if case .null? = members[key] { return nil }
            return members[key]
        }

        func string(_ key: String) throws(FormatError) -> String {
            guard let text = try optionalString(key) else { throw FormatError(path: name(key), problem: "is missing") }
            return text
        }

        func optionalString(_ key: String) throws(FormatError) -> String? {
            switch try member(key) {
            case nil: return nil
            case .string(let text)?: return text
            case let other?: throw FormatError(path: name(key), problem: "must be a string, not \(other.typeName)")
            }
        }

        func required(_ key: String) throws(FormatError) -> JSONValue {
            guard let value = try member(key) else { throw FormatError(path: name(key), problem: "is missing") }
            return value
        }

        func optionalBool(_ key: String) throws(FormatError) -> Bool? {
            switch try member(key) {
            case nil: return nil
            case .bool(let flag)?: return flag
            case let other?: throw FormatError(path: name(key), problem: "must be true or false, not \(other.typeName)")
            }
        }

        func optionalInt(_ key: String) throws(FormatError) -> Int? {
            try member(key) == nil ? nil : try int(key)
        }

        /// A whole number that may be negative (an exit status of a program that was not found).
        func optionalSignedInt(_ key: String) throws(FormatError) -> Int? {
            switch try member(key) {
            case nil: return nil
            case .int(let number)?: return number
            case let other?: throw FormatError(path: name(key), problem: "must be a whole number, not \(other)")
            }
        }

        func optionalObject(_ key: String) throws(FormatError) -> JSONValue? {
            switch try member(key) {
            case nil: return nil
            case .object(let members)?: return .object(members)
            case let other?: throw FormatError(path: name(key), problem: "must be an object, not \(other.typeName)")
            }
        }

        func optionalArray(_ key: String) throws(FormatError) -> [JSONValue] {
            try member(key) == nil ? [] : try array(key)
        }

        func int(_ key: String) throws(FormatError) -> Int {
            switch try member(key) {
            case .int(let number)? where number >= 0: return number
            case nil: throw FormatError(path: name(key), problem: "is missing")
            case let other?: throw FormatError(path: name(key), problem: "must be a whole number ≥ 0, not \(other)")
            }
        }

        func array(_ key: String) throws(FormatError) -> [JSONValue] {
            switch try member(key) {
            case .array(let items)?: return items
            case nil: throw FormatError(path: name(key), problem: "is missing")
            case let other?: throw FormatError(path: name(key), problem: "must be an array, not \(other.typeName)")
            }
        }

        func enumeration<Value: RawRepresentable & CaseIterable>(_ key: String) throws(FormatError) -> Value
        where Value.RawValue == String {
            let text = try string(key)
            guard let value = Value(rawValue: text) else {
                let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw FormatError(path: name(key), problem: "is '\(text)', not one of \(names)")
            }
            return value
        }

        func optionalEnumeration<Value: RawRepresentable & CaseIterable>(_ key: String) throws(FormatError) -> Value?
        where Value.RawValue == String {
            guard try optionalString(key) != nil else { return nil }
            return try enumeration(key) as Value
        }

        func timestamp(_ key: String) throws(FormatError) -> Timestamp {
            guard let moment = try optionalTimestamp(key) else {
                throw FormatError(path: name(key), problem: "is missing")
            }
            return moment
        }

        func optionalTimestamp(_ key: String) throws(FormatError) -> Timestamp? {
            guard let text = try optionalString(key) else { return nil }
            guard let moment = Timestamp(iso8601: text) else {
                throw FormatError(path: name(key), problem: "is '\(text)', not a time like 2026-01-31T12:00:00.000Z")
            }
            return moment
        }
    }
}
