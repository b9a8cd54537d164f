internal import OrchestratorCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text for the person's terminal: paragraphs wrapped at word boundaries under an indent, and times
/// said as a person says them.
enum TextLayout {
    /// Each line of `text` under `indent`, wrapped at spaces to `width` (a word longer than the line
    /// stays whole); the lines a wrap makes take `hanging` more. No width (a pipe): lines as they are.
    static func wrapped(_ text: String, width: Int?, indent: String, hanging: String = "") -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            guard let width, indent.count + line.count > width else { return [indent + line] }
            var lines: [String] = []
            var current = indent
            var lead = indent
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                if current.count > lead.count, current.count + 1 + word.count > width {
                    lines.append(current)
                    lead = indent + hanging
                    current = lead + word
                } else {
                    current += (current.count > lead.count ? " " : "") + word
                }
            }
            lines.append(current)
            return lines
        }
    }

    /// When something happened, as a person reads it: "just now", "12 min ago", "3 h ago", else the
    /// local date and time; in UTC to the millisecond, as recorded, when `exact`.
    static func time(_ moment: Timestamp, now: Timestamp, exact: Bool) -> String {
        if exact { return moment.description }
        let seconds = (now.millisecondsSince1970 - moment.millisecondsSince1970) / 1000
        switch seconds {
        case ..<(-60): break
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3600) h ago"
        default: break
        }
        var time = time_t(moment.millisecondsSince1970 / 1000)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return moment.description }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }
}
