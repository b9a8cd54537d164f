internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// How a task appears in structured results, and the schema that describes it.
enum TaskView {
    /// A task's fields; a summary has the first six (and the holder's), `detailed` adds the rest but
    /// the history, which `history` adds.
    enum Fields {
        static let id = Field.string("id", required: true)
        static let title = Field.string("title", required: true)
        static let status = Field.choice("status", WorkTask.Status.self, required: true)
        static let priority = Field.choice("priority", Priority.self, required: true)
        static let dependsOn = Field.strings("dependsOn", required: true)
        static let deleted = Field.flag("deleted", required: true)
        static let assignee = Field.string("assignee")
        static let claimExpiresAt = Field.string("claimExpiresAt")
        static let description = Field.string("description")
        /// The round of work under way, or the one marked done: 1, then one more each time work is sent back.
        static let round = Field.count("round")
        static let role = Field.string("role")
        static let completedDetails = Field.string("completedDetails")
        static let feedback = Field.string("feedback")
        static let approvedBy = Field.string("approvedBy")
        static let history = Field.list("history", of: Entry.schema)
        /// What the last round changed in the working tree, when it was recorded.
        static let evidence = Field.value("evidence", EvidenceView.schema)
        /// The project's checks on the last round, when it has them.
        static let checks = Field.value("checks", ChecksView.schema)
    }

    /// A history entry's fields.
    enum Entry {
        static let at = Field.string("at", required: true)
        static let actor = Field.string("actor", required: true)
        static let action = Field.choice("action", HistoryEntry.Action.self, required: true)
        static let from = Field.choice("from", WorkTask.Status.self)
        static let to = Field.choice("to", WorkTask.Status.self)
        static let note = Field.string("note")
        static let schema = ResultFields.schema(at, actor, action, from, to, note)

        static func json(_ entry: HistoryEntry) -> JSONValue {
            ResultFields.object([
                at(entry.at.description), actor(entry.actor), action(entry.action), from(ifAny: entry.from),
                to(ifAny: entry.to), note(ifAny: entry.note),
            ])
        }
    }

    static func json(_ task: WorkTask, detailed: Bool = false, history: Bool = false) -> JSONValue {
        var members: [ResultMember?] = [
            Fields.id(task.id.rawValue), Fields.title(task.title), Fields.status(task.status),
            Fields.priority(task.priority), Fields.dependsOn(task.dependsOn.map(\.rawValue)),
            Fields.deleted(task.isDeleted), Fields.assignee(ifAny: task.assignee),
            Fields.claimExpiresAt(ifAny: task.claimExpiresAt?.description),
        ]
        if detailed {
            members += [
                Fields.description(task.description), Fields.round(task.shownRound), Fields.role(ifAny: task.role),
                Fields.completedDetails(ifAny: task.completedDetails), Fields.feedback(ifAny: task.feedback),
                Fields.approvedBy(ifAny: task.approvedBy), Fields.evidence(ifAny: task.evidence.map(EvidenceView.json)),
                Fields.checks(ifAny: task.checks.map(ChecksView.json)),
            ]
        }
        if history { members.append(Fields.history(task.history.map(Entry.json))) }
        return ResultFields.object(members)
    }

    static let statusSchema = Fields.status.schema

    static let schema = ResultFields.schema(
        Fields.id, Fields.title, Fields.status, Fields.priority, Fields.dependsOn, Fields.deleted, Fields.assignee,
        Fields.claimExpiresAt, Fields.description, Fields.round, Fields.role, Fields.completedDetails, Fields.feedback,
        Fields.approvedBy, Fields.history, Fields.evidence, Fields.checks)

    static let idListSchema: JSONValue = ["type": "array", "items": ["type": "string"]]
}
