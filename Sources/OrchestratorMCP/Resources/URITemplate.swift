/// An RFC 6570 level-1 URI template (`orchestrator://tools/{name}`): literals and simple variables.
///
/// A variable matches one or more characters up to the next literal and never a `/`, so a
/// matched value cannot reach into another path segment.
package struct URITemplate: Sendable, Equatable {
    private enum Part: Equatable, Sendable {
        case literal(String)
        case variable(String)
    }

    package let text: String
    private let parts: [Part]

    package init(_ text: String) {
        self.text = text
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            parts.append(.variable(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }

    package var variables: [String] {
        parts.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }

    /// The variables of `uri`, or `nil` when it does not match.
    package func match(_ uri: String) -> [String: String]? {
        var values: [String: String] = [:]
        var rest = Substring(uri)
        for (index, part) in parts.enumerated() {
            switch part {
            case .literal(let literal):
                guard rest.hasPrefix(literal) else { return nil }
                rest = rest.dropFirst(literal.count)
            case .variable(let name):
                var end = rest.endIndex
                if index + 1 < parts.count, case .literal(let next) = parts[index + 1] {
                    guard let range = rest.firstRange(of: next) else { return nil }
                    end = range.lowerBound
                }
                let value = rest[..<end]
                guard !value.isEmpty, !value.contains("/") else { return nil }
                values[name] = String(value)
                rest = rest[end...]
            }
        }
        return rest.isEmpty ? values : nil
    }
}
