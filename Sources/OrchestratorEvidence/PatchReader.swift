package import OrchestratorCore

/// A unified diff (`git diff`) read into one part per file, each line numbered as it stands in its
/// file, for the person to read and point at.
package enum PatchReader {
    /// The files' parts, each cut after `lineLimit` lines (the rest counted).
    package static func files(_ patch: String, lineLimit: Int) -> [FileDiff] {
        var files: [FileDiff] = []
        var path: String?
        var lines: [FileDiff.Line] = []
        var omitted = 0
        var old = 0
        var new = 0
        func finish() {
            if let path { files.append(FileDiff(path: path, lines: lines, omitted: omitted)) }
            path = nil
            lines = []
            omitted = 0
        }
        func add(_ line: FileDiff.Line) {
            if lines.count < lineLimit { lines.append(line) } else { omitted += 1 }
        }
        for raw in patch.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("diff --git ") {
                finish()
                // `diff --git a/PATH b/PATH`: the new path; a rename's `rename to` line corrects it.
                path = line.ranges(of: " b/").last.map { String(line[$0.upperBound...]) } ?? line
                continue
            }
            guard path != nil else { continue }
            if line.hasPrefix("rename to ") {
                path = String(line.dropFirst("rename to ".count))
            } else if line.hasPrefix("@@") {
                let numbers = Self.hunkStart(line)
                old = numbers.old
                new = numbers.new
                add(FileDiff.Line(kind: .note, number: nil, text: line))
            } else if line.hasPrefix("Binary files") {
                add(FileDiff.Line(kind: .note, number: nil, text: "binary file changed"))
            } else if line.hasPrefix("+++ ") || line.hasPrefix("--- ")
                || lines.isEmpty && !line.hasPrefix(" ")
                    && !line.hasPrefix("+") && !line.hasPrefix("-")
            {
                continue
            } else if line.hasPrefix("+") {
                add(FileDiff.Line(kind: .added, number: new, text: String(line.dropFirst())))
                new += 1
            } else if line.hasPrefix("-") {
                add(FileDiff.Line(kind: .removed, number: old, text: String(line.dropFirst())))
                old += 1
            } else if line.hasPrefix(" ") {
                add(FileDiff.Line(kind: .context, number: new, text: String(line.dropFirst())))
                old += 1
                new += 1
            }
        }
        finish()
        return files
    }

    /// `@@ -OLD[,n] +NEW[,n] @@`: where the hunk starts in each file.
    private static func hunkStart(_ header: String) -> (old: Int, new: Int) {
        let parts = header.split(separator: " ")
        func start(_ prefix: Character) -> Int {
            guard let part = parts.first(where: { $0.first == prefix }) else { return 1 }
            return Int(part.dropFirst().split(separator: ",").first ?? "1") ?? 1
        }
        return (start("-"), start("+"))
    }
}
