/// Dependency checks run on every write that can change a request's graph: unknown ids, self-references, cycles.
///
/// Only live tasks take part: a deleted task may keep its own `dependsOn` (it is restored with it),
/// but no live task may depend on a deleted or unknown one. Checks run in plan order so the same
/// plan always yields the same refusal.
package enum DependencyGraph {
    package static func validate(_ tasks: [WorkTask]) throws(OrchestratorError) {
        var byID: [WorkTask.ID: WorkTask] = [:]
        byID.reserveCapacity(tasks.count)
        for task in tasks { byID[task.id] = task }
        for task in tasks where !task.isDeleted {
            for dependency in task.dependsOn {
                if dependency == task.id { throw .selfDependency(task.id) }
                guard let target = byID[dependency] else {
                    throw .unknownDependency(dependency.rawValue, of: task.id.rawValue)
                }
                if target.isDeleted { throw .dependencyDeleted(task.id, dependency: dependency) }
            }
        }
        if let cycle = firstCycle(tasks.filter { !$0.isDeleted }) { throw .dependencyCycle(cycle) }
    }

    /// Live tasks that list `id` among their dependencies, in plan order.
    package static func dependents(of id: WorkTask.ID, in tasks: [WorkTask]) -> [WorkTask.ID] {
        tasks.filter { !$0.isDeleted && $0.dependsOn.contains(id) }.map(\.id)
    }

    /// A cycle as a closed path (`a → b → a`), found by an iterative depth-first search.
    static func firstCycle(_ tasks: [WorkTask]) -> [WorkTask.ID]? {
        enum Mark { case unvisited, onPath, finished }
        var index: [WorkTask.ID: Int] = [:]
        index.reserveCapacity(tasks.count)
        for (position, task) in tasks.enumerated() { index[task.id] = position }
        var marks = [Mark](repeating: .unvisited, count: tasks.count)
        for start in tasks.indices where marks[start] == .unvisited {
            // Each frame: a task and how many of its dependencies have been followed.
            var path: [(node: Int, next: Int)] = [(start, 0)]
            marks[start] = .onPath
            while let (node, next) = path.last {
                let dependencies = tasks[node].dependsOn
                guard next < dependencies.count else {
                    marks[node] = .finished
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                guard let target = index[dependencies[next]] else { continue }
                switch marks[target] {
                case .unvisited:
                    marks[target] = .onPath
                    path.append((target, 0))
                case .onPath:
                    let from = path.firstIndex { $0.node == target }!
                    return path[from...].map { tasks[$0.node].id } + [tasks[target].id]
                case .finished:
                    continue
                }
            }
        }
        return nil
    }
}
