internal import OrchestratorCore
internal import OrchestratorJSON

/// Task Master's `.taskmaster/tasks/tasks.json`, read into requests to import: each tag a request,
/// each task and subtask a task, statuses mapped onto ours, and everything without a counterpart
/// reported — never dropped in silence.
///
/// The tagged format is `{"<tag>": {"tasks": [...], "metadata": {...}}}`; the older untagged one,
/// `{"tasks": [...]}`, is read as the tag `master`. A task has an integer `id`, `title`, `description`,
/// `details`, `testStrategy`, `status`, `priority`, `dependencies` (ids) and one level of `subtasks`,
/// addressed `parent.sub`; a subtask's integer dependencies name its siblings.
struct TaskmasterFile {
    struct Request {
        let tag: String
        let originalRequest: String
        let splitDetails: String
        let tasks: [ImportedTask]
    }

    /// Why the file cannot be imported, naming the place.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var requests: [Request] = []
    /// What has no counterpart here, one line each.
    private(set) var report: [String] = []

    static let actor = "import from Task Master"
    private static let taskFields: Set<String> = [
        "id", "title", "description", "details", "testStrategy", "status", "priority", "dependencies", "subtasks",
    ]

    init(_ root: JSONValue) throws(Problem) {
        guard case .object(let object) = root else { throw Problem(description: "the file is not a JSON object") }
        let tags: [(String, JSONValue)] =
            object["tasks"]?.arrayValue != nil
            ? [("master", root)] : object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        guard !tags.isEmpty else { throw Problem(description: "the file has no tags and no tasks") }
        for (tag, value) in tags {
            guard let tasks = value["tasks"]?.arrayValue else {
                throw Problem(description: "tag '\(tag)' has no \"tasks\" array")
            }
            if let metadata = value["metadata"]?.objectValue {
                let dropped = metadata.keys.filter { $0 != "description" }.sorted()
                if !dropped.isEmpty {
                    report.append("tag '\(tag)': metadata \(dropped.joined(separator: ", ")) has no counterpart")
                }
            }
            let description = value["metadata"]?["description"]?.stringValue
            let text = description.map { "\($0) (Task Master tag \(tag))" } ?? "Task Master tag \(tag)"
            requests.append(
                Request(
                    tag: tag, originalRequest: text, splitDetails: "Imported from Task Master, tag '\(tag)'.",
                    tasks: try flatten(tasks, tag: tag)))
        }
    }

    private struct Entry {
        let key: String
        let value: JSONValue
        let parent: String?
    }

    /// Each task's subtasks, then the task, as positions; a parent waits for its subtasks.
    private mutating func flatten(_ tasks: [JSONValue], tag: String) throws(Problem) -> [ImportedTask] {
        var entries: [Entry] = []
        for (index, task) in tasks.enumerated() {
            guard let id = task["id"]?.intValue else {
                throw Problem(description: "tag '\(tag)': task \(index + 1) has no integer id")
            }
            for subtask in task["subtasks"]?.arrayValue ?? [] {
                guard let sub = subtask["id"]?.intValue else {
                    throw Problem(description: "tag '\(tag)': a subtask of task \(id) has no integer id")
                }
                entries.append(Entry(key: "\(id).\(sub)", value: subtask, parent: "\(id)"))
            }
            entries.append(Entry(key: "\(id)", value: task, parent: nil))
        }
        var position: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            guard position[entry.key] == nil else {
                throw Problem(description: "tag '\(tag)': the id \(entry.key) appears twice")
            }
            position[entry.key] = index + 1
        }
        var imported: [ImportedTask] = []
        for entry in entries {
            imported.append(try task(entry, tag: tag, entries: entries, position: position))
        }
        return imported
    }

    private mutating func task(_ entry: Entry, tag: String, entries: [Entry], position: [String: Int]) throws(Problem)
        -> ImportedTask
    {
        let label = "tag '\(tag)' task \(entry.key)"
        guard let title = entry.value["title"]?.stringValue, !title.isBlank else {
            throw Problem(description: "\(label) has no title")
        }
        for key in (entry.value.objectValue ?? [:]).keys.sorted() where !Self.taskFields.contains(key) {
            report.append("\(label): field '\(key)' has no counterpart")
        }
        var dependencies: [TaskDraft.Reference] = []
        for dependency in entry.value["dependencies"]?.arrayValue ?? [] {
            let key: String
            switch dependency {
            case .int(let number): key = entry.parent.map { "\($0).\(number)" } ?? "\(number)"
            case .string(let text): key = text
            default: throw Problem(description: "\(label): a dependency is neither an id nor \"parent.sub\"")
            }
            guard let target = position[key] else {
                throw Problem(description: "\(label) depends on \(key), which the tag does not have")
            }
            dependencies.append(.position(target))
        }
        if entry.parent == nil {
            for other in entries where other.parent == entry.key {
                if let target = position[other.key] { dependencies.append(.position(target)) }
            }
        }
        var description = entry.value["description"]?.stringValue ?? ""
        if description.isBlank { description = title }
        if let details = entry.value["details"]?.stringValue, !details.isBlank {
            description += "\n\nDetails:\n" + details
        }
        if let strategy = entry.value["testStrategy"]?.stringValue, !strategy.isBlank {
            description += "\n\nTest strategy:\n" + strategy
        }
        var priority = Priority.medium
        if let text = entry.value["priority"]?.stringValue {
            if let known = Priority(rawValue: text.lowercased()) {
                priority = known
            } else {
                report.append("\(label): priority '\(text)' has no counterpart; imported as medium")
            }
        }
        let status = entry.value["status"]?.stringValue ?? "pending"
        let (standing, note) = standing(status, label: label, details: entry.value["details"]?.stringValue)
        return ImportedTask(
            draft: TaskDraft(
                title: "\(entry.key) \(title)", description: description, dependsOn: dependencies, priority: priority),
            standing: standing, note: note)
    }

    /// Task Master's status as ours, with the history's words.
    private mutating func standing(_ status: String, label: String, details: String?) -> (ImportedTask.Standing, String)
    {
        let finished = details.flatMap { $0.isBlank ? nil : $0 } ?? "Done in Task Master (imported)."
        switch status {
        case "pending": return (.pending, "pending in Task Master")
        case "in-progress":
            report.append("\(label): in-progress has no holder here; imported as pending, for an agent to claim")
            return (.pending, "in-progress in Task Master; imported as pending")
        case "review":
            return (.done(details: finished), "in review in Task Master; imported as done, awaiting approval")
        case "done":
            return (.approved(details: finished), "done in Task Master, which has no approval; imported as approved")
        case "deferred":
            report.append("\(label): deferred has no counterpart; imported as pending")
            return (.pending, "deferred in Task Master; imported as pending")
        case "cancelled":
            return (.deleted, "cancelled in Task Master; imported as deleted (restore_task brings it back)")
        default:
            report.append("\(label): status '\(status)' has no counterpart; imported as pending")
            return (.pending, "'\(status)' in Task Master; imported as pending")
        }
    }
}
