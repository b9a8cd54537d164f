import OrchestratorCore
import Testing

/// The graph layout (issue 16, item 8): no edge passes through a box it does not connect, whatever
/// the plan, up to 50 tasks and beyond.
@Suite struct GraphLayoutTests {
    static func task(_ number: Int, after: [Int]) -> WorkTask {
        WorkTask(
            id: WorkTask.ID("task-\(number)"), title: "T\(number)", description: "d", status: .pending,
            dependsOn: after.map { WorkTask.ID("task-\($0)") })
    }

    /// Whether an axis-aligned segment enters the inside of a box.
    static func crosses(_ a: GraphLayout.Point, _ b: GraphLayout.Point, _ box: GraphLayout.Box) -> Bool {
        let left = box.x
        let right = box.x + GraphLayout.boxWidth
        let top = box.y
        let bottom = box.y + GraphLayout.boxHeight
        if a.y == b.y {
            return a.y > top && a.y < bottom && max(a.x, b.x) > left && min(a.x, b.x) < right
        }
        return a.x > left && a.x < right && max(a.y, b.y) > top && min(a.y, b.y) < bottom
    }

    static func check(_ tasks: [WorkTask]) {
        let layout = GraphLayout(tasks)
        #expect(layout.edges.count == tasks.reduce(0) { $0 + $1.dependsOn.count })
        for edge in layout.edges {
            for (a, b) in zip(edge.points, edge.points.dropFirst()) {
                #expect(a.x == b.x || a.y == b.y, "segments are horizontal or vertical")
                for box in layout.boxes where box.id != edge.from && box.id != edge.to {
                    #expect(!crosses(a, b, box), "\(edge.from) → \(edge.to) passes through \(box.id)")
                }
            }
            let from = layout.boxes.first { $0.id == edge.from }!
            let to = layout.boxes.first { $0.id == edge.to }!
            #expect(
                edge.points.first
                    == GraphLayout.Point(x: from.x + GraphLayout.boxWidth, y: from.y + GraphLayout.boxHeight / 2))
            #expect(edge.points.last == GraphLayout.Point(x: to.x, y: to.y + GraphLayout.boxHeight / 2))
        }
    }

    @Test func anEdgeThatSkipsAColumnGoesAroundTheBoxInBetween() {
        // task-1 → task-2 → task-3 and task-1 → task-3: the long edge must not cross task-2.
        Self.check([Self.task(1, after: []), Self.task(2, after: [1]), Self.task(3, after: [1, 2])])
        // The README's sample: task-4 → task-5 must not read as task-4 → task-3.
        Self.check([
            Self.task(1, after: []), Self.task(2, after: [1]), Self.task(3, after: [2]), Self.task(4, after: [1]),
            Self.task(5, after: [4, 1]),
        ])
    }

    @Test(arguments: [7, 21, 1234, 99])
    func randomPlansOfFiftyTasksRouteEveryEdgeThroughFreeSpace(seed: Int) {
        var generator = seed
        func next(_ bound: Int) -> Int {
            generator = (generator &* 1_103_515_245 &+ 12_345) & 0x7fff_ffff
            return generator % bound
        }
        let tasks = (1...50).map { number in
            Self.task(
                number, after: number == 1 ? [] : Array(Set((0..<next(4)).map { _ in 1 + next(number - 1) })).sorted())
        }
        Self.check(tasks)
    }

    /// A column is ordered by where each task's dependencies sit: task-3 waits for task-2 and task-4 for
    /// task-1, so in plan order their edges would cross; laid out, each lines up with its dependency.
    @Test func aColumnFollowsItsDependenciesSoEdgesDoNotCross() {
        let layout = GraphLayout([
            Self.task(1, after: []), Self.task(2, after: []), Self.task(3, after: [2]), Self.task(4, after: [1]),
        ])
        let y = Dictionary(layout.boxes.map { ($0.id.rawValue, $0.y) }, uniquingKeysWith: { first, _ in first })
        #expect(y["task-4"] == y["task-1"] && y["task-3"] == y["task-2"], "\(y)")
        for edge in layout.edges { #expect(edge.points.first?.y == edge.points.last?.y, "\(edge) runs straight") }
        Self.check([
            Self.task(1, after: []), Self.task(2, after: []), Self.task(3, after: [2]), Self.task(4, after: [1]),
        ])
    }
}
