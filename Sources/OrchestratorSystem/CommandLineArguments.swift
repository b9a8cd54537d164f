/// The one tokeniser of the executable's arguments, for the server's options and every subcommand:
/// positionals, `--name value` / `--name=value` options, and flags (`-h` is `--help`). A value may not
/// start with `--` (so `--state --toolsets` says `--state` needs a value), and may not be empty.
package struct CommandLineArguments {
    package private(set) var positionals: [String] = []
    /// Every option value in order (repeatable options keep them all).
    package private(set) var allValues: [(name: String, value: String)] = []

    /// The last value of each option.
    package var options: [String: String] {
        Dictionary(allValues.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }
    package private(set) var flags: Set<String> = []

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// - Parameters:
    ///   - valued: options that take a value (`--state`, `--format`, …).
    ///   - flags: options that stand alone (`--help`, `--no-color`).
    package init(_ arguments: [String], valued: Set<String>, flags allowed: Set<String>) throws(Failure) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-"), argument != "-" else {
                positionals.append(argument)
                continue
            }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            if allowed.contains(name), inline == nil {
                flags.insert(name)
            } else if valued.contains(name) {
                let next = inline ?? (rest.first?.hasPrefix("--") == true ? nil : rest.popFirst())
                guard let value = next, !value.isEmpty else { throw Failure(description: "\(name) needs a value") }
                allValues.append((name, value))
            } else {
                throw Failure(description: "unknown option '\(name)'")
            }
        }
    }

    /// The positionals, checked against how many the command takes.
    package func positionals(_ names: [String], optional: Int = 0) throws(Failure) -> [String] {
        guard positionals.count <= names.count, positionals.count >= names.count - optional else {
            let wanted = names.enumerated().map { $0.offset >= names.count - optional ? "[\($0.element)]" : $0.element }
                .joined(separator: " ")
            throw Failure(
                description:
                    "expected \(wanted), got \(positionals.isEmpty ? "nothing" : positionals.joined(separator: " "))")
        }
        return positionals
    }
}
