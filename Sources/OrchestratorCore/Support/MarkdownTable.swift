internal import OrchestratorJSON

/// The one way a Markdown table of tasks is written, by the tools' progress tables and the command
/// line's Markdown report alike: each value kept inside its cell and shown as text.
package enum MarkdownTable {
    /// The header row and the rule under it.
    package static func header(_ titles: [String]) -> [String] {
        [
            row(titles),
            "|" + titles.map { String(repeating: "-", count: max(3, $0.count + 2)) }.joined(separator: "|") + "|",
        ]
    }

    /// One row of cells that are already safe (`cell`).
    package static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// A value inside one cell: one line (line breaks become spaces), `|` escaped so it cannot split
    /// the cell, `&`, `<` and `>` written as entities so a viewer shows them instead of rendering
    /// markup, and control characters pictured (`␛`). Text with none of these is returned as it is.
    package static func cell(_ text: String) -> String {
        let special = text.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "&") || $0 == 0x7F || $0 == 0xC2
        }
        guard special else { return text }
        var result = ""
        for character in text.showingControlCharacters() {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r", "\r\n", "\t": result += " "
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
