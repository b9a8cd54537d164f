/// Why a byte sequence is not a JSON document we accept, and where it stopped making sense.
package struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Reason: Equatable, Sendable {
        case unexpectedEnd
        case unexpectedByte(UInt8)
        case invalidNumber
        case invalidEscape
        case invalidUTF8
        case controlCharacterInString
        case nestingTooDeep(limit: Int)
        case trailingContent
    }

    package let reason: Reason
    /// Zero-based byte offset into the input.
    package let offset: Int

    package init(reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    package var description: String { "\(words) at byte \(offset)" }

    /// What went wrong, without where: for callers that say where in their own terms (line, column).
    package var words: String {
        switch reason {
        case .unexpectedEnd: "unexpected end of input"
        case .unexpectedByte(let byte):
            if byte >= 0x20 && byte < 0x7F {
                "unexpected character '\(Character(Unicode.Scalar(byte)))'"
            } else {
                "unexpected byte 0x\(String(byte, radix: 16))"
            }
        case .invalidNumber: "invalid number"
        case .invalidEscape: "invalid escape sequence"
        case .invalidUTF8: "invalid UTF-8 in string"
        case .controlCharacterInString: "unescaped control character in string"
        case .nestingTooDeep(let limit): "nesting deeper than \(limit) levels"
        case .trailingContent: "unexpected content after the JSON value"
        }
    }
}
