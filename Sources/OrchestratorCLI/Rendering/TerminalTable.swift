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
    ///   - width: the columns available; when the table is wider, `shrinking` gives way, its cells
    ///     cut with `…` (never below its header's width).
    func render(colour: Bool, width: Int? = nil, shrinking: Int? = nil) -> String {
        var widths = header.indices.map { column in
            max(header[column].count, rows.map { $0[column].text.count }.max() ?? 0)
        }
        var shown = rows
        if let width, let shrinking {
            let total = widths.reduce(0, +) + 2 * (widths.count - 1)
            if total > width {
                widths[shrinking] = max(header[shrinking].count, widths[shrinking] - (total - width))
                for index in shown.indices {
                    shown[index][shrinking] = Cell(shown[index][shrinking].text.cut(to: widths[shrinking]))
                }
            }
        }
        func line(_ cells: [Cell]) -> String {
            cells.enumerated().map { column, cell in
                let padded = column == cells.count - 1 ? cell.text : cell.text.padded(to: widths[column])
                guard colour, let code = cell.colour else { return padded }
                return "\u{1B}[\(code)m\(padded)\u{1B}[0m"
            }.joined(separator: "  ")
        }
        let head = line(header.map { Cell($0, colour: 1) })
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([head, rule] + shown.map(line)).joined(separator: "\n")
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
