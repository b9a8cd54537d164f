/// What an import found in a Task Master file, gathered across its tags so a person reads it once:
/// how statuses were mapped and how many tasks each mapping took, the fields kept nowhere with how
/// many tasks had them, the problems (each with what was done about it), and what refuses the import.
struct TaskmasterReport {
    /// "in-progress → pending": tasks.
    private(set) var mappings: [String: Int] = [:]
    /// Field name: tasks that had it (tags, for `metadata.` fields).
    private(set) var droppedFields: [String: Int] = [:]
    /// Each problem and what was done about it, in the file's order.
    private(set) var problems: [String] = []
    /// What stops the import (a cycle; under `--strict`, any problem).
    private(set) var refusals: [String] = []
    /// Per task, for `--verbose`: its tag, its Task Master id, its title and where it ended.
    private(set) var tasks: [(tag: String, key: String, title: String, standing: String)] = []

    mutating func mapped(_ from: String, to standing: String) { mappings["\(from) → \(standing)", default: 0] += 1 }
    mutating func dropped(_ field: String) { droppedFields[field, default: 0] += 1 }
    mutating func problem(_ text: String) { problems.append(text) }
    mutating func refuse(_ text: String) { refusals.append(text) }
    mutating func task(tag: String, key: String, title: String, standing: String) {
        tasks.append((tag, key, title, standing))
    }

    /// The summary: mappings and dropped fields counted, then every problem.
    var summary: [String] {
        var lines: [String] = []
        if !mappings.isEmpty {
            lines.append(
                "Statuses: "
                    + mappings.sorted { $0.key < $1.key }.map { "\($0.key) (\(Self.count($0.value, "task")))" }
                    .joined(separator: ", ") + ".")
        }
        if !droppedFields.isEmpty {
            lines.append(
                "Kept nowhere: "
                    + droppedFields.sorted { $0.key < $1.key }.map { field, count in
                        "\(field) (\(Self.count(count, field.hasPrefix("metadata.") ? "tag" : "task")))"
                    }
                    .joined(separator: ", ") + ".")
        }
        if !problems.isEmpty {
            lines.append("\(Self.count(problems.count, "problem")), each mended as said:")
            lines += problems.map { "  " + $0 }
        }
        return lines
    }

    /// "1 task", "3 tasks".
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
