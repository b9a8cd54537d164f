package import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorSystem

/// Writes the state document, one task per line, re-encoding only what a change touched.
///
/// Whole-file rewrites make encoding cost grow with the store. The encoder keeps, for each request,
/// the request's bytes as one frozen piece, with where its head and each task's line lie in it. The
/// change's record (`ChangeRecord`) names what it touched: a request it did not touch is handed on
/// as the same piece; a touched one is written again, copying the line of every task the record
/// does not name and encoding only the others. Without a record (the state was read from the file,
/// not written here) everything is encoded and the cache starts over. A request that left the store
/// (archived) leaves the cache with the next document, so a long-running server does not keep the
/// bytes of everything it ever archived.
package struct StateEncoder {
    /// A class, so that looking one up for each of a store's many untouched requests costs one
    /// retain instead of a copy.
    private final class EncodedRequest {
        /// The request's object as it stands in the document, from `{` to its closing `]}`.
        let bytes: FrozenBytes
        /// Where the object's head (its own fields, up to the tasks' array) ends in `bytes`.
        let headEnd: Int
        /// Where each task's line lies in `bytes`, in plan order.
        let taskLines: [Range<Int>]

        init(bytes: FrozenBytes, headEnd: Int, taskLines: [Range<Int>]) {
            self.bytes = bytes
            self.headEnd = headEnd
            self.taskLines = taskLines
        }
    }

    private var requestCache: [WorkRequest.ID: EncodedRequest] = [:]

    /// How many requests' pieces the encoder keeps.
    package var cachedRequestCount: Int { requestCache.count }

    package init() {}

    /// The whole document, every piece encoded.
    package mutating func encode(_ state: OrchestratorState, revision: Int) -> [UInt8] {
        var document: [UInt8] = []
        for piece in pieces(state, revision: revision, changes: nil) {
            piece.withUnsafeBytes { document.append(contentsOf: $0) }
        }
        return document
    }

    /// The document as the pieces it is made of, in order: the header, each request (an untouched
    /// one as the very piece written last time) with the separators between them, and the runs.
    ///
    /// - Parameter changes: what was touched since the document this encoder wrote last; `nil` when
    ///   the state did not come from that document, and everything is encoded.
    package mutating func pieces(_ state: OrchestratorState, revision: Int, changes: ChangeRecord?) -> [FrozenBytes] {
        if changes == nil { requestCache.removeAll(keepingCapacity: true) }
        var pieces: [FrozenBytes] = []
        pieces.reserveCapacity(state.requests.count * 2 + 2)
        pieces.append(FrozenBytes(Self.header(state, revision: revision)))
        for (index, request) in state.requests.enumerated() {
            pieces.append(index == 0 ? Self.newline : Self.commaNewline)
            pieces.append(encoded(request, touched: changes?.requests[request.id]).bytes)
        }
        if requestCache.count > state.requests.count {
            let live = Set(state.requests.map(\.id))
            requestCache = requestCache.filter { live.contains($0.key) }
        }
        // Runs are small (their steps live in their requests' tasks), so they are encoded every time.
        var runs = Array("\n],\"runs\":[".utf8)
        for (index, run) in state.runs.enumerated() {
            runs.append(contentsOf: index == 0 ? [0x0A] : [0x2C, 0x0A])
            JSONWriter.write(Self.json(run), into: &runs)
        }
        runs.append(contentsOf: "\n]}\n".utf8)
        pieces.append(FrozenBytes(runs))
        return pieces
    }

    private static let requestEnd = Array("\n]}".utf8)
    private static let newline = FrozenBytes([0x0A])
    private static let commaNewline = FrozenBytes([0x2C, 0x0A])

    /// The document's opening, up to its requests' array: the same bytes as the header's JSON value
    /// through `JSONWriter` (sorted keys), with `"requests":[` in place of the closing brace.
    package static func header(_ state: OrchestratorState, revision: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        var members = Members(opening: &out)
        members.integer("nextRequestNumber", state.nextRequestNumber, into: &out)
        members.integer("nextRunNumber", state.nextRunNumber, into: &out)
        members.integer("nextTaskNumber", state.nextTaskNumber, into: &out)
        members.integer("revision", revision, into: &out)
        members.integer("schemaVersion", StateSchema.currentVersion, into: &out)
        members.key("requests", into: &out)
        out.append(UInt8(ascii: "["))
        return out
    }

    /// The request's piece: the cached one where the change did not touch it, else one made of the
    /// cached head and lines the change left alone and new bytes for the rest; the cache brought up
    /// to date.
    private mutating func encoded(_ request: WorkRequest, touched: ChangeRecord.Touch?) -> EncodedRequest {
        let previous = requestCache[request.id]
        if let previous, touched == nil { return previous }
        let touched = touched ?? ChangeRecord.Touch()
        // The new piece as runs of the old one (untouched head and tasks, with the separator before
        // each) and new bytes (touched ones), joined in one copy into its frozen storage.
        var layout = PieceLayout()
        if let previous, !touched.fields {
            layout.reuse(0..<previous.headEnd)
        } else {
            var head: [UInt8] = []
            Self.writeHead(of: request, into: &head)
            layout.add(head)
        }
        let headEnd = layout.count
        var taskLines: [Range<Int>] = []
        taskLines.reserveCapacity(request.tasks.count)
        let old = previous?.taskLines ?? []
        let tasks = request.tasks
        // By position, reading only a task's id where it lies: a copy of each task would cost a retain
        // and a release per field.
        for position in tasks.indices {
            let separator = position == 0 ? 1 : 2
            // Tasks only ever join at the end, so a task the change did not touch stands where it stood.
            if position < old.count, touched.tasks.isEmpty || !touched.tasks.contains(tasks[position].id) {
                let line = old[position]
                layout.reuse(line.lowerBound - separator..<line.upperBound)
                taskLines.append(layout.count - line.count..<layout.count)
            } else {
                var bytes: [UInt8] = position == 0 ? [0x0A] : [0x2C, 0x0A]
                Self.writeLine(tasks[position], into: &bytes)
                layout.add(bytes)
                taskLines.append(layout.count - (bytes.count - separator)..<layout.count)
            }
        }
        layout.add(Self.requestEnd)
        let encoded = EncodedRequest(
            bytes: layout.frozen(reusing: previous?.bytes), headEnd: headEnd, taskLines: taskLines)
        requestCache[request.id] = encoded
        return encoded
    }

    /// A request's own fields as the start of its object, up to its tasks' array (written last):
    /// the same bytes as `json(request)` through `JSONWriter`, without its closing brace, and then
    /// `,"tasks":[`.
    package static func writeHead(of request: WorkRequest, into out: inout [UInt8]) {
        var members = Members(opening: &out)
        members.string("approvalPolicy", request.approvalPolicy.rawValue, into: &out)
        if request.approver == .human { members.string("approver", request.approver.rawValue, into: &out) }
        members.optional("completedAt", request.completedAt?.description, into: &out)
        members.optional("completedBy", request.completedBy, into: &out)
        members.string("createdAt", request.createdAt.description, into: &out)
        members.string("id", request.id.rawValue, into: &out)
        if request.holdsLooseTasks {
            members.key("looseTasks", into: &out)
            out.append(contentsOf: "true".utf8)
        }
        if let origin = request.origin {
            members.key("origin", into: &out)
            out.append(contentsOf: JSONWriter.bytes(from: json(origin)))
        }
        members.string("originalRequest", request.originalRequest, into: &out)
        members.optional("splitDetails", request.splitDetails, into: &out)
        members.string("status", request.status.rawValue, into: &out)
        members.string("updatedAt", request.updatedAt.description, into: &out)
        members.optional("workflowRun", request.workflowRun?.rawValue, into: &out)
        members.key("tasks", into: &out)
        out.append(UInt8(ascii: "["))
    }

    /// One line of the archive: the request with its tasks, the runs it recorded, and when.
    package static func archiveLine(_ archived: ArchivedRequest) -> [UInt8] {
        guard case .object(var request) = json(archived.request) else { return [] }
        request["tasks"] = .array(archived.request.tasks.map(json))
        let line: JSONValue = [
            "schemaVersion": .int(StateSchema.currentVersion), "archivedAt": .string(archived.archivedAt.description),
            "request": .object(request), "runs": .array(archived.runs.map(json)),
        ]
        return JSONWriter.bytes(from: line) + [10]
    }

    /// A request's own fields (its tasks are spliced in after them).
    package static func json(_ request: WorkRequest) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(request.id.rawValue),
            "originalRequest": .string(request.originalRequest),
            "status": .string(request.status.rawValue),
            "approvalPolicy": .string(request.approvalPolicy.rawValue),
            "createdAt": .string(request.createdAt.description),
            "updatedAt": .string(request.updatedAt.description),
        ]
        object["splitDetails"] = request.splitDetails.map(JSONValue.string)
        object["completedAt"] = request.completedAt.map { .string($0.description) }
        object["completedBy"] = request.completedBy.map(JSONValue.string)
        object["workflowRun"] = request.workflowRun.map { .string($0.rawValue) }
        if request.holdsLooseTasks { object["looseTasks"] = true }
        if request.approver == .human { object["approver"] = .string(request.approver.rawValue) }
        object["origin"] = request.origin.map(json)
        return .object(object)
    }

    /// Where a request was planned: the working tree, and its branch when one was checked out.
    static func json(_ origin: WorkRequest.Origin) -> JSONValue {
        var object: [String: JSONValue] = ["worktree": .string(origin.worktree)]
        object["branch"] = origin.branch.map(JSONValue.string)
        return .object(object)
    }

    package static func json(_ run: WorkflowRun) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(run.id.rawValue),
            "workflow": .string(run.workflow),
            "requestId": .string(run.requestID.rawValue),
            "status": .string(run.status.rawValue),
            "context": run.context.json,
            "startedBy": .string(run.startedBy),
            "createdAt": .string(run.createdAt.description),
            "updatedAt": .string(run.updatedAt.description),
        ]
        object["currentStep"] = run.currentStep.map(JSONValue.string)
        object["currentTask"] = run.currentTask.map { .string($0.rawValue) }
        object["finishedAt"] = run.finishedAt.map { .string($0.description) }
        return .object(object)
    }

    package static func json(_ task: WorkTask) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(task.id.rawValue),
            "title": .string(task.title),
            "description": .string(task.description),
            "status": .string(task.status.rawValue),
            "dependsOn": .array(task.dependsOn.map { .string($0.rawValue) }),
            "priority": .string(task.priority.rawValue),
            "history": .array(task.history.map(json)),
        ]
        object["role"] = task.role.map(JSONValue.string)
        object["assignee"] = task.assignee.map(JSONValue.string)
        object["claimExpiresAt"] = task.claimExpiresAt.map { .string($0.description) }
        object["completedDetails"] = task.completedDetails.map(JSONValue.string)
        object["feedback"] = task.feedback.map(JSONValue.string)
        object["approvedBy"] = task.approvedBy.map(JSONValue.string)
        object["deletedAt"] = task.deletedAt.map { .string($0.description) }
        object["evidence"] = task.evidence.map(json)
        object["checks"] = task.checks.map(json)
        return .object(object)
    }

    /// A task's checks: the round, each check's run, why none ran, who runs them.
    static func json(_ checks: TaskChecks) -> JSONValue {
        var object: [String: JSONValue] = [
            "round": .int(checks.round),
            "runs": .array(
                checks.runs.map { run in
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
        object["note"] = checks.note.map(JSONValue.string)
        object["runner"] = checks.runner.map(JSONValue.string)
        return .object(object)
    }

    /// A task's evidence: the snapshots, the files with their lines, the notes, who took it.
    static func json(_ evidence: TaskEvidence) -> JSONValue {
        var object: [String: JSONValue] = [
            "round": .int(evidence.round), "source": .string(evidence.source.rawValue),
            "files": .array(
                evidence.files.map { file in
                    var entry: [String: JSONValue] = ["path": .string(file.path), "kind": .string(file.kind.rawValue)]
                    entry["previousPath"] = file.previousPath.map(JSONValue.string)
                    entry["added"] = file.added.map(JSONValue.int)
                    entry["removed"] = file.removed.map(JSONValue.int)
                    return .object(entry)
                }),
        ]
        object["start"] = evidence.start.map(JSONValue.string)
        object["end"] = evidence.end.map(JSONValue.string)
        if !evidence.notes.isEmpty { object["notes"] = .array(evidence.notes.map(JSONValue.string)) }
        object["workTree"] = evidence.workTree.map(JSONValue.string)
        return .object(object)
    }

    /// A task's bytes, written directly: the same bytes as `json(task)` through `JSONWriter` (keys in
    /// sorted order), without building a dictionary per task and per history entry.
    package static func line(_ task: WorkTask) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(200 + task.description.utf8.count + task.history.count * 110)
        writeLine(task, into: &out)
        return out
    }

    /// `line(task)`, appended to `out`.
    static func writeLine(_ task: WorkTask, into out: inout [UInt8]) {
        var members = Members(opening: &out)
        members.optional("approvedBy", task.approvedBy, into: &out)
        members.optional("assignee", task.assignee, into: &out)
        if let checks = task.checks {
            members.key("checks", into: &out)
            JSONWriter.write(json(checks), into: &out)
        }
        members.optional("claimExpiresAt", task.claimExpiresAt?.description, into: &out)
        members.optional("completedDetails", task.completedDetails, into: &out)
        members.optional("deletedAt", task.deletedAt?.description, into: &out)
        members.key("dependsOn", into: &out)
        out.append(UInt8(ascii: "["))
        for (index, dependency) in task.dependsOn.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.write(.string(dependency.rawValue), into: &out)
        }
        out.append(UInt8(ascii: "]"))
        members.string("description", task.description, into: &out)
        if let evidence = task.evidence {
            members.key("evidence", into: &out)
            JSONWriter.write(json(evidence), into: &out)
        }
        members.optional("feedback", task.feedback, into: &out)
        members.key("history", into: &out)
        out.append(UInt8(ascii: "["))
        for (index, entry) in task.history.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            var fields = Members(opening: &out)
            fields.string("action", entry.action.rawValue, into: &out)
            fields.string("actor", entry.actor, into: &out)
            fields.string("at", entry.at.description, into: &out)
            fields.optional("from", entry.from?.rawValue, into: &out)
            fields.optional("note", entry.note, into: &out)
            fields.optional("to", entry.to?.rawValue, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        members.string("id", task.id.rawValue, into: &out)
        members.string("priority", task.priority.rawValue, into: &out)
        members.optional("role", task.role, into: &out)
        members.string("status", task.status.rawValue, into: &out)
        members.string("title", task.title, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The members of an object written one by one, in the order given (which must be sorted, as
    /// `JSONWriter` sorts keys): the comma before each but the first.
    private struct Members {
        private var first = true

        init(opening out: inout [UInt8]) {
            out.append(UInt8(ascii: "{"))
        }

        mutating func key(_ name: StaticString, into out: inout [UInt8]) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }

        mutating func string(_ name: StaticString, _ value: String, into out: inout [UInt8]) {
            key(name, into: &out)
            JSONWriter.write(.string(value), into: &out)
        }

        mutating func optional(_ name: StaticString, _ value: String?, into out: inout [UInt8]) {
            if let value { string(name, value, into: &out) }
        }

        mutating func integer(_ name: StaticString, _ value: Int, into out: inout [UInt8]) {
            key(name, into: &out)
            JSONWriter.write(.int(value), into: &out)
        }
    }

    static func json(_ entry: HistoryEntry) -> JSONValue {
        var object: [String: JSONValue] = [
            "at": .string(entry.at.description), "actor": .string(entry.actor),
            "action": .string(entry.action.rawValue),
        ]
        object["from"] = entry.from.map { .string($0.rawValue) }
        object["to"] = entry.to.map { .string($0.rawValue) }
        object["note"] = entry.note.map(JSONValue.string)
        return .object(object)
    }
}
