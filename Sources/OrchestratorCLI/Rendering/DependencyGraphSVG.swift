internal import OrchestratorCore

/// A request's dependency graph as inline SVG: tasks in layers from left to right (a task sits one
/// layer right of its deepest dependency), coloured by status, with arrows from each dependency.
enum DependencyGraphSVG {
    static let boxWidth = 190, boxHeight = 46, columnGap = 56, rowGap = 14, margin = 16

    static func render(_ request: WorkRequest) -> String {
        let tasks = request.liveTasks
        let layers = layer(tasks)
        var rows: [Int: Int] = [:]
        var position: [WorkTask.ID: (x: Int, y: Int)] = [:]
        for task in tasks {
            let column = layers[task.id] ?? 0
            let row = rows[column, default: 0]
            rows[column] = row + 1
            position[task.id] = (margin + column * (boxWidth + columnGap), margin + row * (boxHeight + rowGap))
        }
        let width = margin * 2 + ((layers.values.max() ?? 0) + 1) * (boxWidth + columnGap) - columnGap
        let height = margin * 2 + (rows.values.max() ?? 1) * (boxHeight + rowGap) - rowGap
        var svg = [
            ##"<svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img" width="\##(width)" height="\##(height)" viewBox="0 0 \##(width) \##(height)">"##,
            ##"<title>Dependencies of \##(request.id)</title>"##,
            ##"<defs><marker id="arrow-\##(request.id)" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7280"/></marker></defs>"##,
        ]
        for task in tasks {
            guard let to = position[task.id] else { continue }
            for dependency in task.dependsOn {
                guard let from = position[dependency] else { continue }
                let x1 = from.x + boxWidth
                let y1 = from.y + boxHeight / 2
                let x2 = to.x
                let y2 = to.y + boxHeight / 2
                let middle = (x1 + x2) / 2
                svg.append(
                    ##"<path class="edge" d="M \##(x1) \##(y1) C \##(middle) \##(y1), \##(middle) \##(y2), \##(x2) \##(y2)" fill="none" stroke="#6b7280" stroke-width="1.5" marker-end="url(#arrow-\##(request.id))"/>"##
                )
            }
        }
        for task in tasks {
            guard let at = position[task.id] else { continue }
            let title = HTMLText.escape(task.title)
            svg.append(
                ##"<g class="node" data-task="\##(HTMLText.escape(task.id.rawValue))" data-status="\##(task.status.rawValue)">"##
            )
            svg.append("<title>\(HTMLText.escape(task.id.rawValue)): \(title) (\(task.status.words))</title>")
            svg.append(
                ##"<rect x="\##(at.x)" y="\##(at.y)" width="\##(boxWidth)" height="\##(boxHeight)" rx="8" fill="\##(StatusColour.fill(task.status))" stroke="#374151"/>"##
            )
            svg.append(
                ##"<text x="\##(at.x + 10)" y="\##(at.y + 19)" font-weight="bold">\##(HTMLText.escape(task.id.rawValue)) · \##(task.status.words)</text>"##
            )
            svg.append(
                ##"<text x="\##(at.x + 10)" y="\##(at.y + 36)">\##(HTMLText.escape(HTMLText.shortened(task.title, to: 26)))</text>"##
            )
            svg.append("</g>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// Each task's layer: 0 without dependencies, else one more than its deepest dependency.
    /// Writes refuse cycles, so the recursion ends; a dependency that is not live counts as absent.
    static func layer(_ tasks: [WorkTask]) -> [WorkTask.ID: Int] {
        let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var layers: [WorkTask.ID: Int] = [:]
        func depth(_ id: WorkTask.ID, _ visiting: Set<WorkTask.ID>) -> Int {
            if let known = layers[id] { return known }
            guard let task = byID[id], !visiting.contains(id) else { return 0 }
            let deps = task.dependsOn.filter { byID[$0] != nil }
            let value = deps.isEmpty ? 0 : 1 + (deps.map { depth($0, visiting.union([id])) }.max() ?? 0)
            layers[id] = value
            return value
        }
        for task in tasks { _ = depth(task.id, []) }
        return layers
    }
}
