internal import OrchestratorCore
internal import OrchestratorJSON

/// One tag of a Task Master file read into tasks to import, in Task Master's own ids throughout: ids
/// as numbers, number strings or text; subtask ids local to their parent (repeated ones renumbered);
/// dependencies as numbers (a subtask's name a sibling first), strings and `"parent.sub"`; those the
/// tag lacks dropped; cycles named in Task Master's ids. Each problem goes to the report with what
/// was done about it.
struct TaskmasterTag {
    /// The fields a task's description and state are made from; anything else is counted as kept nowhere.
    static let knownFields: Set<String> = [
        "id", "title", "description", "details", "testStrategy", "acceptanceCriteria", "status", "priority",
        "dependencies", "subtasks",
    ]

    /// A task or subtask with its key (`12`, `12.3`, `rust-data-models`).
    struct Entry {
        let key: String
        let parent: String?
        let value: JSONValue
    }

    let name: String
    private(set) var entries: [Entry] = []

    /// An id as Task Master writes it (a number or a string), as a key; `nil` when it is neither.
    static func key(_ value: JSONValue?) -> String? {
        switch value {
        case .int(let number)?: return String(number)
        case .double(let number)? where number == number.rounded() && abs(number) < 1e15: return String(Int(number))
        case .string(let text)?:
            let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
            return trimmed.isEmpty ? nil : String(trimmed)
        default: return nil
        }
    }

    init(name: String, tasks: [JSONValue], report: inout TaskmasterReport) {
        self.name = name
        var used = Set<String>()
        var nextNumber = (tasks.compactMap { Self.key($0["id"]).flatMap(Int.init) }.max() ?? 0) + 1
        for (index, task) in tasks.enumerated() {
            var key = Self.key(task["id"]) ?? ""
            if key.isEmpty || used.contains(key) {
                let given = key.isEmpty ? "task \(index + 1) has no id" : "the id \(key) appears twice"
                key = String(nextNumber)
                nextNumber += 1
                report.problem("tag '\(name)': \(given); imported as \(key)")
            }
            used.insert(key)
            // Subtasks: local ids, repeated ones renumbered after the largest.
            let subtasks = task["subtasks"]?.arrayValue ?? []
            var local = Set<String>()
            var nextLocal =
                (subtasks.compactMap { Self.localKey($0["id"], parent: key).flatMap(Int.init) }.max() ?? 0) + 1
            for (position, subtask) in subtasks.enumerated() {
                var sub = Self.localKey(subtask["id"], parent: key) ?? ""
                if sub.isEmpty || local.contains(sub) {
                    let given =
                        sub.isEmpty
                        ? "subtask \(position + 1) of task \(key) has no id"
                        : "task \(key) has two subtasks \(key).\(sub)"
                    sub = String(nextLocal)
                    nextLocal += 1
                    report.problem("tag '\(name)': \(given); the later one is imported as \(key).\(sub)")
                }
                local.insert(sub)
                entries.append(Entry(key: "\(key).\(sub)", parent: key, value: subtask))
            }
            entries.append(Entry(key: key, parent: nil, value: task))
        }
    }

    /// A subtask's id, local to its parent (`3`, or `12.3` written whole under task 12).
    private static func localKey(_ value: JSONValue?, parent: String) -> String? {
        guard let key = key(value) else { return nil }
        return key.hasPrefix(parent + ".") ? String(key.dropFirst(parent.count + 1)) : key
    }

    /// The keys each entry waits for: its dependencies as resolved, and for a task its subtasks.
    func dependencies(report: inout TaskmasterReport, strict: Bool) -> [String: [String]] {
        let keys = Set(entries.map(\.key))
        var resolved: [String: [String]] = [:]
        for entry in entries {
            var found: [String] = []
            for written in entry.value["dependencies"]?.arrayValue ?? [] {
                guard let target = resolve(written, for: entry, keys: keys) else {
                    let shown = Self.key(written) ?? JSONWriter.string(from: written)
                    let text = "tag '\(name)': \(entry.key) depends on \(shown), which the tag does not have"
                    if strict { report.refuse(text) } else { report.problem(text + "; the dependency is dropped") }
                    continue
                }
                if target == entry.key || target == entry.parent {
                    let what = target == entry.key ? "itself" : "its own parent task, which waits for it here"
                    report.problem("tag '\(name)': \(entry.key) depends on \(what); the dependency is dropped")
                    continue
                }
                if !found.contains(target) { found.append(target) }
            }
            if entry.parent == nil {
                for other in entries where other.parent == entry.key && !found.contains(other.key) {
                    found.append(other.key)
                }
            }
            resolved[entry.key] = found
        }
        for cycle in Self.cycles(resolved, order: entries.map(\.key)) {
            report.refuse("tag '\(name)': a cycle, \(cycle.joined(separator: " → "))")
        }
        return resolved
    }

    /// What a written dependency names: a subtask's plain number its sibling first, else a task.
    private func resolve(_ written: JSONValue, for entry: Entry, keys: Set<String>) -> String? {
        guard let key = Self.key(written) else { return nil }
        if let parent = entry.parent, !key.contains("."), keys.contains("\(parent).\(key)") {
            return "\(parent).\(key)"
        }
        return keys.contains(key) ? key : nil
    }

    /// Every cycle once, each from where it is first met in the file's order and back to it.
    static func cycles(_ graph: [String: [String]], order: [String]) -> [[String]] {
        var state: [String: Int] = [:]  // 1 on the path, 2 finished
        var path: [String] = []
        var found: [[String]] = []
        func visit(_ node: String) {
            state[node] = 1
            path.append(node)
            for next in graph[node] ?? [] {
                switch state[next] {
                case 1?:
                    let start = path.lastIndex(of: next) ?? 0
                    found.append(Array(path[start...]) + [next])
                case nil: visit(next)
                default: break
                }
            }
            path.removeLast()
            state[node] = 2
        }
        for node in order where state[node] == nil { visit(node) }
        return found
    }
}
