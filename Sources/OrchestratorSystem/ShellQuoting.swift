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
}
