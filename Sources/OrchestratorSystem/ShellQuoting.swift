/// Words written for a person to paste into a POSIX shell (`sh`, `bash`, `zsh`): the command lines
/// the server's refusals and `config` print.
package enum ShellQuoting {
    /// `word` as one shell word: as it is when it holds only characters no shell treats specially,
    /// else in single quotes, with each `'` written as `'\''`.
    package static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "_@%+=:,./-".unicodeScalars.contains($0)
            }
        return plain ? word : "'" + word.replacing("'", with: "'\\''") + "'"
    }

    /// A command line of `words`, each quoted.
    package static func line(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    /// The command line as lines of at most `width` characters where its words allow, each but the
    /// last ending in ` \` so the whole still pastes as one command: the first line begins with
    /// `lead`, the others with `continuation`. A word wider than a line stays whole.
    package static func lines(_ words: [String], width: Int?, lead: String, continuation: String) -> [String] {
        let quotedWords = words.map(quoted)
        guard let width, lead.count + quotedWords.joined(separator: " ").count > width else {
            return [lead + quotedWords.joined(separator: " ")]
        }
        var lines: [String] = []
        var current = lead
        var empty = true
        for word in quotedWords {
            if !empty, current.count + 1 + word.count + 2 > width {
                lines.append(current + " \\")
                current = continuation + word
            } else {
                current += (empty ? "" : " ") + word
            }
            empty = false
        }
        lines.append(current)
        return lines
    }
}
