/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// It keeps integers apart from doubles (an integer literal that does not fit `Int` becomes a
/// double), validates UTF-8 inside strings, and refuses nesting deeper than `maximumDepth`, so that
/// a hostile line can neither crash the process through recursion nor smuggle invalid text through.
/// A lone surrogate escape (`"\ud800"`), which the JSON grammar allows but Unicode text cannot hold,
/// is read as U+FFFD, the replacement character.
package struct JSONParser: ~Copyable {
    package static let defaultMaximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    /// Whether the `id` member of a message (the root object, or an object directly in a root
    /// array) keeps a number that is no `Int` as written (`.numberLiteral`), so it can be echoed.
    private let keepsMessageIDs: Bool
    private var rootIsArray = false
    private var position = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, keepsMessageIDs: Bool) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        self.keepsMessageIDs = keepsMessageIDs
    }

    /// Parses one complete JSON value; anything but whitespace after it is an error.
    ///
    /// - Parameter keepsMessageIDs: keep a JSON-RPC message's numeric `id` that is no `Int`
    ///   (`1.0`, `1e2`, `9223372036854775808`) exactly as written, as `.numberLiteral`.
    package static func parse(
        _ input: some Collection<UInt8>,
        maximumDepth: Int = defaultMaximumDepth,
        keepsMessageIDs: Bool = false
    ) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = input.withContiguousStorageIfAvailable { buffer in
            var parser = JSONParser(bytes: buffer, maximumDepth: maximumDepth, keepsMessageIDs: keepsMessageIDs)
            return Result { () throws(JSONParseError) in try parser.parseDocument() }
        }
        if let result { return try result.get() }
        let copy = Array(input)
        return try parse(copy, maximumDepth: maximumDepth, keepsMessageIDs: keepsMessageIDs)
    }

    /// The `id` member of the message that `prefix` begins, read from the first bytes of a line
    /// too long to parse whole: the members before it are read (and must be complete), the rest is
    /// never looked at. `nil` when the prefix is no object, or ends before an `id` member.
    package static func messageID(inPrefix prefix: some Collection<UInt8>) -> JSONValue? {
        let copy = Array(prefix)
        return copy.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, maximumDepth: defaultMaximumDepth, keepsMessageIDs: true)
            return try? parser.scanForID()
        }
    }

    private mutating func scanForID() throws(JSONParseError) -> JSONValue? {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return nil }
        position += 1
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            skipWhitespace()
            if key == "id" { return try parseMember(named: key, depth: 1) }
            _ = try parseValue(depth: 1)
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ",") else { return nil }
            position += 1
        }
    }

    /// A member's value; a message's numeric `id` keeps its literal when asked to.
    private mutating func parseMember(named key: String, depth: Int) throws(JSONParseError) -> JSONValue {
        if keepsMessageIDs, key == "id", depth == 1 || (depth == 2 && rootIsArray), position < bytes.count,
            bytes[position] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
        {
            return try parseNumber(keepingLiteral: true)
        }
        return try parseValue(depth: depth)
    }

    package static func parse(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws(JSONParseError)
        -> JSONValue
    {
        try parse(Array(text.utf8), maximumDepth: maximumDepth)
    }

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        rootIsArray = position < bytes.count && bytes[position] == UInt8(ascii: "[")
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard position == bytes.count else { throw JSONParseError(reason: .trailingContent, offset: position) }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func fail(_ reason: JSONParseError.Reason) -> JSONParseError {
        JSONParseError(reason: reason, offset: position)
    }

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else { throw fail(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case let byte: throw fail(.unexpectedByte(byte))
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else {
            throw JSONParseError(reason: .unexpectedEnd, offset: bytes.count)
        }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for index in 0..<count where bytes[position + index] != expected[index] {
            throw JSONParseError(reason: .unexpectedByte(bytes[position + index]), offset: position + index)
        }
        position += count
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maximumDepth else { throw fail(.nestingTooDeep(limit: maximumDepth)) }
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd) }
            guard bytes[position] == UInt8(ascii: "\"") else { throw fail(.unexpectedByte(bytes[position])) }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd) }
            guard bytes[position] == UInt8(ascii: ":") else { throw fail(.unexpectedByte(bytes[position])) }
            position += 1
            skipWhitespace()
            members[key] = try parseMember(named: key, depth: depth)
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd) }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(members)
            case let byte: throw fail(.unexpectedByte(byte))
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maximumDepth else { throw fail(.nestingTooDeep(limit: maximumDepth)) }
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd) }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            case let byte: throw fail(.unexpectedByte(byte))
            }
        }
    }

    private mutating func parseNumber(keepingLiteral: Bool = false) throws(JSONParseError) -> JSONValue {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw fail(.invalidNumber) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(bytes[position]) {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        } else {
            throw fail(.invalidNumber)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail(.invalidNumber) }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail(.invalidNumber) }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let number = Int(text) { return .int(number) }
        if keepingLiteral { return .numberLiteral(text) }
        guard let number = Double(text) else { throw JSONParseError(reason: .invalidNumber, offset: start) }
        return .double(number)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes, so the bytes between the quotes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw JSONParseError(reason: .invalidUTF8, offset: start)
                }
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail(.controlCharacterInString) }
            position += 1
        }
        guard position < bytes.count else { throw fail(.unexpectedEnd) }
        return try parseEscapedString(from: start)
    }

    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        var decoded: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    throw JSONParseError(reason: .invalidUTF8, offset: start)
                }
                return text
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { throw fail(.unexpectedEnd) }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): decoded.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): decoded.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): decoded.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    decoded.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    position -= 1
                    throw fail(.invalidEscape)
                }
            case 0..<0x20:
                throw fail(.controlCharacterInString)
            default:
                decoded.append(byte)
                position += 1
            }
        }
        throw fail(.unexpectedEnd)
    }

    /// Reads the four hex digits after `\u`, joining a surrogate pair when one follows. A surrogate
    /// without its partner is U+FFFD; what follows it is read on its own.
    private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let first = try readHexQuad()
        if (0xD800...0xDBFF).contains(first) {
            guard position + 5 < bytes.count,
                bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else { return "\u{FFFD}" }
            let mark = position
            position += 2
            let second = try readHexQuad()
            guard (0xDC00...0xDFFF).contains(second) else {
                position = mark
                return "\u{FFFD}"
            }
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(combined) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func readHexQuad() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail(.unexpectedEnd) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail(.invalidEscape)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
