package import OrchestratorJSON

/// A run's context variables: a JSON object the client fills and the rules and instructions read.
package struct WorkflowContext: Sendable, Equatable {
    package private(set) var values: [String: JSONValue]

    package init(_ values: [String: JSONValue] = [:]) { self.values = values }

    /// How deeply a context may nest, counting the context object itself as the first level.
    ///
    /// The state file's reader allows exactly this much below a run (`StateSchema.maximumDepth` is
    /// derived from it), so whatever a tool accepts, every process can read back.
    package static let maximumDepth = 32

    /// The path (`key.inner[2].deep`) of the first value that would take a context built from
    /// `values` deeper than `maximumDepth`, or `nil` when it fits.
    package static func pathTooDeep(in values: [String: JSONValue]) -> String? {
        func search(_ value: JSONValue, path: String, level: Int) -> String? {
            let children: [(String, JSONValue)]
            switch value {
            case .object(let members):
                children = members.sorted { $0.key < $1.key }.map {
                    (path.isEmpty ? $0.key : "\(path).\($0.key)", $0.value)
                }
            case .array(let items): children = items.enumerated().map { ("\(path)[\($0.offset)]", $0.element) }
            case .null, .bool, .int, .double, .numberLiteral, .string: return nil
            }
            if level > maximumDepth { return path }
            for (childPath, child) in children {
                if let found = search(child, path: childPath, level: level + 1) { return found }
            }
            return nil
        }
        return search(.object(values), path: "", level: 1)
    }

    package var json: JSONValue { .object(values) }

    /// The value at a dotted path into nested objects, or `nil` when any part is missing.
    package func value(at path: [String]) -> JSONValue? {
        guard let first = path.first, var current = values[first] else { return nil }
        for key in path.dropFirst() {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// Sets every key of `updates`; a `null` removes the key.
    package mutating func merge(_ updates: [String: JSONValue]) {
        for (key, value) in updates {
            if case .null = value { values[key] = nil } else { values[key] = value }
        }
    }

    /// `text` with every `{{context.key.path}}` replaced by its value: strings as they are, other
    /// values as JSON. Placeholders whose key is not set stay as written and are listed in `missing`.
    /// Values are inserted as plain text once; a value that itself looks like a placeholder is not expanded.
    package func render(_ text: String) -> (text: String, missing: [String]) {
        var output = ""
        var missing: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                output += rest[open.lowerBound...]
                rest = ""
                break
            }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingBlanks
            let placeholder = rest[open.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
            guard inner.hasPrefix("context.") else {
                output += placeholder
                continue
            }
            let key = String(inner.dropFirst("context.".count))
            if let value = value(at: key.split(separator: ".").map(String.init)) {
                if case .string(let string) = value { output += string } else { output += value.description }
            } else {
                output += placeholder
                if !missing.contains(key) { missing.append(key) }
            }
        }
        output += rest
        return (output, missing)
    }
}
