/// Where a plan's dependency graph puts its boxes and edges, for every page that draws it (the HTML
/// export now, the board next): tasks in columns from left to right (a task one column right of its
/// deepest dependency), rows in plan order, and edges routed only through free space, so no edge
/// passes through a box it does not connect.
///
/// Every column has the same row pitch, so the gaps between rows line up into horizontal channels
/// that cross the whole graph without touching a box, and the gaps between columns are free
/// vertical channels. An edge leaves its task's right side, runs down or up the gap after that
/// column, along a row channel past the columns in between, down or up the gap before its target's
/// column, and into the target's left side. Edges that share a gap are spread across it.
package struct GraphLayout: Sendable {
    package struct Box: Sendable, Equatable {
        package let id: WorkTask.ID
        package let x: Int
        package let y: Int
    }

    package struct Point: Sendable, Equatable {
        package let x: Int
        package let y: Int

        package init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    package struct Edge: Sendable, Equatable {
        package let from: WorkTask.ID
        package let to: WorkTask.ID
        /// An orthogonal polyline from the dependency's right side to the task's left side.
        package let points: [Point]
    }

    package static let boxWidth = 190, boxHeight = 46, columnGap = 56, rowGap = 14, margin = 16

    package let boxes: [Box]
    package let edges: [Edge]
    package let width: Int
    package let height: Int

    package init(_ tasks: [WorkTask]) {
        let columns = Self.columns(tasks)
        let rows = Self.rows(tasks, columns: columns)
        var rowsUsed: [Int: Int] = [:]
        var boxes: [Box] = []
        var at: [WorkTask.ID: (column: Int, row: Int)] = [:]
        for task in tasks {
            let column = columns[task.id] ?? 0
            let row = rows[task.id] ?? 0
            rowsUsed[column] = max(rowsUsed[column, default: 0], row + 1)
            at[task.id] = (column, row)
            boxes.append(Box(id: task.id, x: Self.left(of: column), y: Self.top(of: row)))
        }
        let columnCount = (columns.values.max() ?? 0) + 1
        let rowCount = max(rowsUsed.values.max() ?? 1, 1)
        var pairs: [(from: WorkTask.ID, to: WorkTask.ID)] = []
        for task in tasks {
            for dependency in task.dependsOn where at[dependency] != nil && at[task.id] != nil {
                pairs.append((dependency, task.id))
            }
        }
        // Spread the edges that use one gap across it: a lane per edge, centred in the gap.
        var lanesInGap: [Int: Int] = [:]
        var lane: [Int: [Int: Int]] = [:]
        for (index, pair) in pairs.enumerated() {
            guard let from = at[pair.from], let to = at[pair.to] else { continue }
            for gap in Set([from.column, to.column - 1]) {
                lane[index, default: [:]][gap] = lanesInGap[gap, default: 0]
                lanesInGap[gap, default: 0] += 1
            }
        }
        var edges: [Edge] = []
        for (index, pair) in pairs.enumerated() {
            guard let from = at[pair.from], let to = at[pair.to] else { continue }
            func gapX(_ gap: Int) -> Int {
                let count = lanesInGap[gap] ?? 1
                let spacing = min(8, (Self.columnGap - 16) / max(count, 1))
                let offset = ((lane[index]?[gap] ?? 0) - (count - 1) / 2) * spacing
                return Self.left(of: gap) + Self.boxWidth + Self.columnGap / 2 + offset
            }
            let start = Point(
                x: Self.left(of: from.column) + Self.boxWidth, y: Self.top(of: from.row) + Self.boxHeight / 2)
            let end = Point(x: Self.left(of: to.column), y: Self.top(of: to.row) + Self.boxHeight / 2)
            var points = [start]
            if to.column == from.column + 1 {
                let x = gapX(from.column)
                points += [Point(x: x, y: start.y), Point(x: x, y: end.y)]
            } else {
                // The row channel nearest both ends: channel r lies just above row r.
                let wanted = (from.row + to.row + 1) / 2
                let channel = Self.top(of: min(max(wanted, 0), rowCount)) - Self.rowGap / 2 + (index % 3 - 1) * 3
                let out = gapX(from.column)
                let back = gapX(to.column - 1)
                points += [
                    Point(x: out, y: start.y), Point(x: out, y: channel), Point(x: back, y: channel),
                    Point(x: back, y: end.y),
                ]
            }
            points.append(end)
            edges.append(Edge(from: pair.from, to: pair.to, points: points))
        }
        self.boxes = boxes
        self.edges = edges
        width = Self.margin * 2 + columnCount * (Self.boxWidth + Self.columnGap) - Self.columnGap
        height = Self.margin * 2 + rowCount * (Self.boxHeight + Self.rowGap) - Self.rowGap
    }

    /// Each task's row in its column: the first column in plan order; each later one ordered by where
    /// the tasks' dependencies sit (the mean of their rows), so a task lines up with what it waits
    /// for and fewer edges cross; plan order among equals, and tasks whose dependencies are not drawn last.
    static func rows(_ tasks: [WorkTask], columns: [WorkTask.ID: Int]) -> [WorkTask.ID: Int] {
        var rows: [WorkTask.ID: Int] = [:]
        let byColumn = Dictionary(grouping: tasks.enumerated(), by: { columns[$0.element.id] ?? 0 })
        for column in byColumn.keys.sorted() {
            let placed = (byColumn[column] ?? []).map {
                (position, task) -> (key: Double, position: Int, id: WorkTask.ID) in
                let above = task.dependsOn.compactMap { rows[$0] }
                let key = column == 0 || above.isEmpty ? .infinity : Double(above.reduce(0, +)) / Double(above.count)
                return (column == 0 ? Double(position) : key, position, task.id)
            }
            .sorted { ($0.key, $0.position) < ($1.key, $1.position) }
            for (row, item) in placed.enumerated() { rows[item.id] = row }
        }
        return rows
    }

    static func left(of column: Int) -> Int { margin + column * (boxWidth + columnGap) }

    static func top(of row: Int) -> Int { margin + row * (boxHeight + rowGap) }

    /// Each task's column: 0 without dependencies, else one more than its deepest dependency.
    /// Writes refuse cycles, so the recursion ends; a dependency that is not drawn counts as absent.
    static func columns(_ tasks: [WorkTask]) -> [WorkTask.ID: Int] {
        let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var columns: [WorkTask.ID: Int] = [:]
        func depth(_ id: WorkTask.ID, _ visiting: Set<WorkTask.ID>) -> Int {
            if let known = columns[id] { return known }
            guard let task = byID[id], !visiting.contains(id) else { return 0 }
            let dependencies = task.dependsOn.filter { byID[$0] != nil }
            let value = dependencies.isEmpty ? 0 : 1 + (dependencies.map { depth($0, visiting.union([id])) }.max() ?? 0)
            columns[id] = value
            return value
        }
        for task in tasks { _ = depth(task.id, []) }
        return columns
    }
}
