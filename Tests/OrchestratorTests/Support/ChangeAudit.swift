import OrchestratorCore

/// Checks a change's record against what really changed: every request, task, run and counter that
/// differs between the state before and after must be named. A write the record missed would leave
/// an old line in the file, since the encoder copies whatever the record does not name.
enum ChangeAudit {
    /// What differs but is not recorded, in words; empty when the record is complete.
    static func unrecorded(before: OrchestratorState, after: OrchestratorState) -> [String] {
        let record = after.changes
        var missing: [String] = []
        let old = Dictionary(before.requests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if Set(old.keys) != Set(after.requests.map(\.id)), !record.membership {
            missing.append("requests came or went")
        }
        for request in after.requests {
            let touch = record.requests[request.id]
            guard let previous = old[request.id] else {
                if touch?.fields != true || touch?.grew != true { missing.append("new request \(request.id)") }
                continue
            }
            var fields = request
            fields.tasks = []
            var previousFields = previous
            previousFields.tasks = []
            if fields != previousFields, touch?.fields != true { missing.append("fields of \(request.id)") }
            if request.tasks.count != previous.tasks.count, touch?.grew != true {
                missing.append("tasks of \(request.id)")
            }
            for (position, task) in request.tasks.enumerated() {
                let changed = position >= previous.tasks.count || previous.tasks[position] != task
                if changed, touch?.tasks.contains(task.id) != true {
                    missing.append("task \(task.id) of \(request.id)")
                }
            }
        }
        if before.runs != after.runs, !record.runs { missing.append("runs") }
        let counters = [before.nextRequestNumber, before.nextTaskNumber, before.nextRunNumber]
        if counters != [after.nextRequestNumber, after.nextTaskNumber, after.nextRunNumber], !record.counters {
            missing.append("counters")
        }
        if record.isEmpty, before != after { missing.append("a change with an empty record") }
        return missing
    }
}
