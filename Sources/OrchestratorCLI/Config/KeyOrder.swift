internal import OrchestratorJSON

/// The order of the keys of every object in a JSON text, so a file written back keeps the order its
/// owner gave it (the parser's objects do not keep one). Read from text the parser accepted.
struct KeyOrder {
    /// Each object's keys in order, by the object's path (keys and `#index`, joined by a NUL).
    private(set) var keys: [String: [String]] = [:]

    init(_ bytes: [UInt8]) {
        var index = 0
        read(bytes, &index, path: "")
    }

    /// The keys of the object at `path` in the text's order; keys it did not have come after them,
    /// sorted.
    func ordered(_ present: some Collection<String>, at path: String) -> [String] {
        let known = keys[path] ?? []
        let rank = Dictionary(known.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return present.sorted { a, b in
            switch (rank[a], rank[b]) {
            case (let x?, let y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
    }

    static func child(_ path: String, _ key: String) -> String { path + "\u{0}" + key }

    private mutating func read(_ bytes: [UInt8], _ index: inout Int, path: String) {
        skipSpace(bytes, &index)
        guard index < bytes.count else { return }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var order: [String] = []
            while true {
                skipSpace(bytes, &index)
                guard index < bytes.count else { return }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    break
                }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                let start = index
                skipString(bytes, &index)
                let key = (try? JSONParser.parse(Array(bytes[start..<index])))?.stringValue ?? ""
                order.append(key)
                skipSpace(bytes, &index)
                if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
                read(bytes, &index, path: Self.child(path, key))
            }
            keys[path] = order
        case UInt8(ascii: "["):
            index += 1
            var position = 0
            while true {
                skipSpace(bytes, &index)
                guard index < bytes.count else { return }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    break
                }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                read(bytes, &index, path: Self.child(path, "#\(position)"))
                position += 1
            }
        case UInt8(ascii: "\""):
            skipString(bytes, &index)
        default:
            while index < bytes.count, !",}] \n\r\t".utf8.contains(bytes[index]) { index += 1 }
        }
    }

    private func skipSpace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, " \n\r\t".utf8.contains(bytes[index]) { index += 1 }
    }

    /// Past a string starting at its opening quote.
    private func skipString(_ bytes: [UInt8], _ index: inout Int) {
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        index += 1
    }
}
