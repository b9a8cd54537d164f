internal import OrchestratorCore
internal import OrchestratorJSON

typealias OrchestratorStatus = WorkTask.Status

/// Text made safe for HTML and SVG: task titles, notes and request texts are shown, never run.
enum HTMLText {
    /// Control characters (NUL among them, which HTML cannot hold) are pictured (`␀`, `␛`).
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.showingControlCharacters() {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// At most `limit` characters, with an ellipsis when cut.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
