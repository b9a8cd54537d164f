/// One line of Markdown and where it came from, kept through `{{file:…}}` includes so every
/// diagnostic can name the file and line a person has to edit.
package struct SourceLine: Sendable, Equatable {
    package let text: String
    /// The file's path relative to the workflow folder (`steps/run_tests.md`).
    package let file: String
    /// 1-based.
    package let line: Int

    package init(_ text: String, file: String, line: Int) {
        self.text = text
        self.file = file
        self.line = line
    }

    package var location: SourceLocation { SourceLocation(file: file, line: line) }
}

/// A file and a 1-based line in it.
package struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    package let file: String
    package let line: Int

    package init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    package var description: String { "\(file):\(line)" }
}

extension SourceLine {
    /// The lines of `text`, numbered from 1, as read from `file`.
    package static func lines(of text: String, file: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            lines.append(SourceLine(String(line), file: file, line: number))
        }
        if lines.last?.text.isEmpty == true, lines.count > 1 { lines.removeLast() }
        return lines
    }
}
