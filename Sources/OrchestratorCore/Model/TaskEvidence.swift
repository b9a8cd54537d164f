/// What a task changed in the working tree it was done in, recorded when it was marked done: the
/// snapshots taken when it was claimed and when it was marked done (git commits kept under the
/// server's own refs), the files that differ between them with their lines added and removed, and
/// what limits the evidence ("no git repository here", "task-7 was also in progress in this tree").
/// The patch itself stays in git and is read on demand.
package struct TaskEvidence: Sendable, Equatable {
    /// Who took the snapshots.
    package enum Source: String, CaseIterable, Sendable {
        /// The server, in the working tree the agent works in.
        case server
        /// The agent's `connect` bridge, on the agent's machine: the server did not see it happen.
        case bridge
    }

    /// One file that differs.
    package struct FileChange: Sendable, Equatable {
        package enum Kind: String, CaseIterable, Sendable {
            case added, modified, deleted, renamed
        }

        package let path: String
        /// Where a renamed file was.
        package let previousPath: String?
        package let kind: Kind
        /// Lines added and removed; `nil` for a binary file.
        package let added: Int?
        package let removed: Int?

        package init(path: String, previousPath: String? = nil, kind: Kind, added: Int?, removed: Int?) {
            self.path = path
            self.previousPath = previousPath
            self.kind = kind
            self.added = added
            self.removed = removed
        }

        package var isBinary: Bool { added == nil }
    }

    /// Which round of work it covers: 1, then one more after each rejection.
    package let round: Int
    /// The snapshot when the round's work began, and when it was marked done (commit ids); `nil` when
    /// none could be taken (the notes say why).
    package let start: String?
    package let end: String?
    package let files: [FileChange]
    /// What limits the evidence, in sentences.
    package let notes: [String]
    package let source: Source
    /// The working tree's top folder, whose repository holds the snapshots.
    package let workTree: String?

    package init(
        round: Int, start: String?, end: String?, files: [FileChange], notes: [String], source: Source = .server,
        workTree: String? = nil
    ) {
        self.workTree = workTree
        self.round = round
        self.start = start
        self.end = end
        self.files = files
        self.notes = notes
        self.source = source
    }

    /// Lines added and removed across the files.
    package var linesAdded: Int { files.reduce(0) { $0 + ($1.added ?? 0) } }
    package var linesRemoved: Int { files.reduce(0) { $0 + ($1.removed ?? 0) } }

    /// "3 files, +40 −12", or what the notes say when nothing could be recorded.
    package var summary: String {
        guard start != nil, end != nil else { return notes.first ?? "no evidence" }
        if files.isEmpty { return "no files changed" }
        return "\(files.count) file\(files.count == 1 ? "" : "s"), +\(linesAdded) −\(linesRemoved)"
    }
}

/// One file's part of a task's patch, as the person reads it at the gate: its lines, each with the
/// number it has in the file (the new file's for added and unchanged lines, the old file's for
/// removed ones), cut after a limit.
package struct FileDiff: Sendable, Equatable {
    /// One line of the patch.
    package struct Line: Sendable, Equatable {
        package enum Kind: String, Sendable {
            case added, removed, context
            /// A hunk's header (`@@ -3,4 +3,6 @@`), or git's words about the file (binary).
            case note
        }

        package let kind: Kind
        package let number: Int?
        package let text: String

        package init(kind: Kind, number: Int?, text: String) {
            self.kind = kind
            self.number = number
            self.text = text
        }
    }

    package let path: String
    package let lines: [Line]
    /// Lines of this file's patch left out after the limit.
    package let omitted: Int

    package init(path: String, lines: [Line], omitted: Int) {
        self.path = path
        self.lines = lines
        self.omitted = omitted
    }
}
