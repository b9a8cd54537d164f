internal import OrchestratorCore

/// A request's dependency graph as inline SVG, drawn from the shared `GraphLayout`: boxes coloured by
/// status, and arrows routed through free space from each dependency.
enum DependencyGraphSVG {
    static func render(_ request: WorkRequest) -> String {
        let tasks = request.liveTasks
        let layout = GraphLayout(tasks)
        let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let (width, height) = (layout.width, layout.height)
        let (boxWidth, boxHeight) = (GraphLayout.boxWidth, GraphLayout.boxHeight)
        var svg = [
            ##"<svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img" width="\##(width)" height="\##(height)" viewBox="0 0 \##(width) \##(height)">"##,
            ##"<title>Dependencies of \##(request.id)</title>"##,
            ##"<defs><marker id="arrow-\##(request.id)" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7280"/></marker></defs>"##,
        ]
        for edge in layout.edges {
            let path = edge.points.enumerated().map { "\($0.offset == 0 ? "M" : "L") \($0.element.x) \($0.element.y)" }
                .joined(separator: " ")
            svg.append(
                ##"<path class="edge" data-from="\##(HTMLText.escape(edge.from.rawValue))" data-to="\##(HTMLText.escape(edge.to.rawValue))" d="\##(path)" fill="none" stroke="#6b7280" stroke-width="1.5" marker-end="url(#arrow-\##(request.id))"/>"##
            )
        }
        for box in layout.boxes {
            guard let task = byID[box.id] else { continue }
            let title = HTMLText.escape(task.title)
            svg.append(
                ##"<g class="node" data-task="\##(HTMLText.escape(task.id.rawValue))" data-status="\##(task.status.rawValue)">"##
            )
            let words = PersonQueue.statusWords(task, in: request)
            svg.append("<title>\(HTMLText.escape(task.id.rawValue)): \(title) (\(words))</title>")
            svg.append(
                ##"<rect x="\##(box.x)" y="\##(box.y)" width="\##(boxWidth)" height="\##(boxHeight)" rx="8" fill="\##(StatusPalette.fill(StatusPalette.shade(task, in: request)))" stroke="#374151"/>"##
            )
            svg.append(
                ##"<text x="\##(box.x + 10)" y="\##(box.y + 19)" font-weight="bold">\##(HTMLText.escape(task.id.rawValue)) · \##(words)</text>"##
            )
            svg.append(
                ##"<text x="\##(box.x + 10)" y="\##(box.y + 36)">\##(HTMLText.escape(HTMLText.shortened(task.title, to: 26)))</text>"##
            )
            svg.append("</g>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }
}
