/// One request as the server read it: the head parsed, the body complete (by Content-Length).
package struct HTTPRequest: Sendable {
    package let method: String
    /// The request target as sent (`/api/state?x=1`).
    package let target: String
    /// The target's path, before any `?`.
    package let path: String
    /// The query's `name=value` pairs, percent-decoded; the first of a repeated name wins.
    package let query: [String: String]
    /// Header names in lower case, values trimmed, in the order sent.
    package private(set) var headers: [(name: String, value: String)]
    package var body: [UInt8]
    /// Whether the connection stays open after the response (HTTP/1.1 unless `Connection: close`).
    package let keepAlive: Bool

    package init(
        method: String, target: String, headers: [(name: String, value: String)], body: [UInt8], keepAlive: Bool
    ) {
        self.method = method
        self.target = target
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts[0])
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = PercentDecoding.decode(halves[0])
                if query[name] == nil { query[name] = halves.count > 1 ? PercentDecoding.decode(halves[1]) : "" }
            }
        }
        self.query = query
        self.headers = headers
        self.body = body
        self.keepAlive = keepAlive
    }

    /// The first value of a header, by case-insensitive name.
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// Every value of a header, by case-insensitive name.
    package func headerValues(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name == wanted }.map(\.value)
    }

    /// Drops a header (a front door that rewrites a request before passing it on).
    package mutating func removeHeader(_ name: String) {
        let unwanted = name.lowercased()
        headers.removeAll { $0.name == unwanted }
    }

    /// The value of one cookie from the `Cookie` headers.
    package func cookie(_ name: String) -> String? {
        for line in headerValues("cookie") {
            for pair in line.split(separator: ";") {
                let halves = pair.split(separator: "=", maxSplits: 1)
                if halves.count == 2, halves[0].trimmingSpaces == name { return String(halves[1].trimmingSpaces) }
            }
        }
        return nil
    }
}

/// `%XX` and `+` in a query component; malformed escapes are kept as written.
enum PercentDecoding {
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
                high < utf8.endIndex, let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex),
                low < utf8.endIndex, let value = hex(utf8[high]).flatMap({ h in hex(utf8[low]).map { h << 4 | $0 } })
            {
                bytes.append(value)
                index = utf8.index(after: low)
                continue
            }
            bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = utf8.index(after: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
