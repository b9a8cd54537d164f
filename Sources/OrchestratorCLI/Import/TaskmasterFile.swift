internal import OrchestratorCore
internal import OrchestratorJSON

/// Task Master's tasks file, in either of its formats, read into requests to import: each tag a
/// request (or the one `--tag` names), each task and subtask a task titled with its Task Master id,
/// statuses mapped onto ours, and every problem of the file reported in one run (`TaskmasterReport`).
///
/// The tagged format is `{"<tag>": {"tasks": [...], "metadata": {...}}}`; the older untagged one,
/// `{"tasks": [...], "metadata": {...}}` (also at `tasks/tasks.json`), is read as the tag `master`.
struct TaskmasterFile {
    struct Request {
        let tag: String
        let originalRequest: String
        let splitDetails: String
        let tasks: [ImportedTask]
        /// Each task's Task Master id, in the same order.
        let keys: [String]
    }

    /// Why the file cannot be read at all, naming the place.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var requests: [Request] = []
    private(set) var report = TaskmasterReport()
    /// Every tag in the file, for a `--tag` that names none of them.
    private(set) var tags: [String] = []

    static let actor = "import from Task Master"
    /// Metadata keys that count the tasks, checked against the tasks.
    private static let countKeys = ["taskCount", "totalTasks", "tasksCount", "total"]

    /// - Parameters:
    ///   - only: the tag to import, or `nil` for every tag.
    ///   - strict: a dependency the tag lacks refuses the import instead of being dropped.
    ///   - source: how the request names where it came from (the file and its digest).
    init(_ root: JSONValue, only: String? = nil, strict: Bool = false, source: String) throws(Problem) {
        guard case .object(let object) = root else { throw Problem(description: "the file is not a JSON object") }
        var found: [(String, JSONValue)] = []
        if object["tasks"] != nil {
            found = [("master", root)]
        } else {
            for (tag, value) in object.sorted(by: { $0.key < $1.key }) {
                guard value["tasks"] != nil else {
                    report.problem("'\(tag)' has no \"tasks\" array, so it is not a tag; it is left out")
                    continue
                }
                found.append((tag, value))
            }
        }
        tags = found.map(\.0)
        guard !found.isEmpty else { throw Problem(description: "the file has no tags and no tasks") }
        if let only {
            found = found.filter { $0.0 == only }
            guard !found.isEmpty else {
                throw Problem(
                    description: "the file has no tag '\(only)'; its tags are \(tags.joined(separator: ", "))")
            }
        }
        for (tag, value) in found {
            guard let tasks = value["tasks"]?.arrayValue else {
                report.problem("tag '\(tag)': \"tasks\" is not an array; the tag is left out")
                continue
            }
            let metadata = value["metadata"]?.objectValue ?? [:]
            for (key, written) in metadata.sorted(by: { $0.key < $1.key }) where key != "description" {
                if Self.countKeys.contains(key), let said = written.intValue, said != tasks.count {
                    report.problem(
                        "tag '\(tag)': its metadata says \(key) \(said), but it has \(TaskmasterReport.count(tasks.count, "task")); the tasks are imported"
                    )
                }
                report.dropped("metadata.\(key)")
            }
            let described = metadata["description"]?.stringValue.flatMap { $0.isBlank ? nil : $0 }
            let text = described.map { "\($0) (Task Master tag \(tag))" } ?? "Task Master tag \(tag)"
            let read = TaskmasterTag(name: tag, tasks: tasks, report: &report)
            let dependencies = read.dependencies(report: &report, strict: strict)
            let position = Dictionary(
                read.entries.enumerated().map { ($0.element.key, $0.offset + 1) },
                uniquingKeysWith: { first, _ in first })
            let imported = read.entries.map { entry in
                task(entry, tag: tag, dependsOn: (dependencies[entry.key] ?? []).compactMap { position[$0] })
            }
            requests.append(
                Request(
                    tag: tag, originalRequest: text,
                    splitDetails: "Imported from Task Master: tag '\(tag)' of \(source).",
                    tasks: imported, keys: read.entries.map(\.key)))
        }
    }

    private mutating func task(_ entry: TaskmasterTag.Entry, tag: String, dependsOn: [Int]) -> ImportedTask {
        let value = entry.value
        var title = value["title"]?.stringValue ?? ""
        if title.isBlank {
            title = "Task Master \(entry.key)"
            report.problem("tag '\(tag)': \(entry.key) has no title; imported as \"\(title)\"")
        }
        for key in (value.objectValue ?? [:]).keys where !TaskmasterTag.knownFields.contains(key) {
            report.dropped(key)
        }
        if entry.parent != nil, value["subtasks"]?.arrayValue?.isEmpty == false {
            report.problem("tag '\(tag)': \(entry.key) has subtasks of its own; they are left out (one level is read)")
        }
        var description = value["description"]?.stringValue ?? ""
        if description.isBlank { description = title }
        for (field, heading) in [
            ("details", "Details"), ("testStrategy", "Test strategy"), ("acceptanceCriteria", "Acceptance criteria"),
        ] {
            if let text = Self.text(value[field]), !text.isBlank { description += "\n\n### \(heading)\n\n" + text }
        }
        var priority = Priority.medium
        if let written = value["priority"]?.stringValue {
            if let known = Priority(rawValue: written.lowercased()) {
                priority = known
            } else {
                report.mapped("priority \(written)", to: "medium")
            }
        }
        let status = value["status"]?.stringValue ?? "pending"
        let mapped = TaskmasterStatus.standing(status)
        report.mapped(status, to: mapped.word)
        report.task(tag: tag, key: entry.key, title: title, standing: mapped.word)
        return ImportedTask(
            draft: TaskDraft(
                title: "\(entry.key) \(title)", description: description, dependsOn: dependsOn.map { .position($0) },
                priority: priority),
            standing: mapped.standing, note: mapped.note)
    }

    /// A field as text: a string, or a list of strings one per line (acceptance criteria come as both).
    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .array(let items)?: return items.compactMap(\.stringValue).map { "- " + $0 }.joined(separator: "\n")
        default: return nil
        }
    }
}
