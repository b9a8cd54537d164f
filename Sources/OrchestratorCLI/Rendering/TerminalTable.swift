internal import OrchestratorCore
internal import OrchestratorJSON

/// A table for a terminal: columns padded to their widest cell, and colour only when asked.
struct TerminalTable {
    var header: [String]
    var rows: [[Cell]] = []

    struct Cell {
        let text: String
        /// An ANSI SGR colour code (`32` green), applied only on a terminal.
        var colour: Int?

        /// Control characters in `text` are shown as pictures (`␛`), never sent to the terminal.
        init(_ text: String, colour: Int? = nil) {
            self.text = text.showingControlCharacters(keepingLines: false)
            self.colour = colour
        }
    }

    /// - Parameters:
    ///   - width: the columns available; a wider table makes room in a fixed order: `shrinking` is cut
    ///     to `softMinimum` characters (with `…`), then the `givingWay` columns are left out one by
    ///     one, then `shrinking` is cut down to its header's width, and at last the final column.
    func render(
        colour: Bool, width: Int? = nil, shrinking: Int? = nil, givingWay: [Int] = [], softMinimum: Int = 20
    ) -> String {
        var widths = header.indices.map { column in
            max(header[column].count, rows.map { $0[column].text.count }.max() ?? 0)
        }
        var kept = Array(header.indices)
        if let width {
            func total() -> Int { kept.reduce(0) { $0 + widths[$1] } + 2 * (kept.count - 1) }
            if let shrinking, total() > width {
                let floor = max(header[shrinking].count, min(widths[shrinking], softMinimum))
                widths[shrinking] = max(floor, widths[shrinking] - (total() - width))
            }
            for column in givingWay where total() > width { kept.removeAll { $0 == column } }
            if let shrinking, total() > width {
                widths[shrinking] = max(header[shrinking].count, widths[shrinking] - (total() - width))
            }
            if let last = kept.last, total() > width {
                widths[last] = max(1, widths[last] - (total() - width))
            }
        }
        func line(_ cells: [Cell]) -> String {
            kept.enumerated().map { position, column in
                let cell = cells[column]
                let text = cell.text.cut(to: widths[column])
                let padded = position == kept.count - 1 ? text : text.padded(to: widths[column])
                guard colour, let code = cell.colour else { return padded }
                return "\u{1B}[\(code)m\(padded)\u{1B}[0m"
            }.joined(separator: "  ")
        }
        let head = line(header.map { Cell($0, colour: 1) })
        let rule = kept.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ")
        return ([head, rule] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    /// At most `width` characters, the last one `…` when the text was longer.
    func cut(to width: Int) -> String {
        count <= width ? self : String(prefix(max(width - 1, 0))) + "…"
    }

    /// The text followed by spaces up to `width` characters (never cut).
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
