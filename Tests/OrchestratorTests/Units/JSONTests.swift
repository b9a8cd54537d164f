import OrchestratorJSON
import Testing

struct JSONTests {
    @Test(arguments: [
        ("0", JSONValue.int(0)),
        ("-7", .int(-7)),
        ("1.5", .double(1.5)),
        ("1e3", .double(1000)),
        ("92233720368547758070", .double(92_233_720_368_547_758_080)),
        ("true", .bool(true)),
        ("null", .null),
        ("\"a\\u00e9\\ud83d\\ude00\\n\"", .string("aé😀\n")),
        ("[1, {\"k\": []}]", .array([.int(1), .object(["k": .array([])])])),
    ])
    func parsesEachKindOfValue(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test func integersAndDoublesStayApartThroughARoundTrip() throws {
        let text = #"{"a":1,"b":1.0,"c":-0.25,"d":"x/y"}"#
        let value = try JSONParser.parse(text)
        #expect(value["a"] == .int(1))
        #expect(value["b"] == .double(1))
        #expect(JSONWriter.string(from: value) == text)
    }

    @Test func writerEscapesControlCharactersSoOutputIsOneLine() {
        let written = JSONWriter.string(from: .string("a\nb\u{1}\"\\"))
        #expect(written == #""a\nb\u0001\"\\""#)
        #expect(!written.contains("\n"))
    }

    /// The writer checks eight bytes at a time and escapes one by one only where needed: every byte
    /// that needs an escape, at every position of strings around the word size, among plain ASCII
    /// and multi-byte characters, comes out as a byte-at-a-time writer would spell it.
    @Test func everyEscapeAtEveryPositionIsWrittenExactly() throws {
        func spelled(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let specials = [
            "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", " ", "!", "#", "[", "]", "é", "😀",
        ]
        for length in 0...20 {
            for position in 0..<max(length, 1) {
                for special in specials {
                    for filler in ["a", "é"] {
                        var characters = Array(repeating: filler, count: max(length, 1))
                        characters[position] = special
                        let text = characters.joined()
                        #expect(JSONWriter.string(from: .string(text)) == spelled(text), "\(text.debugDescription)")
                        #expect(try JSONParser.parse(JSONWriter.bytes(from: .string(text))) == .string(text))
                    }
                }
            }
        }
    }

    @Test(arguments: [
        ("{", "unexpected end of input at byte 1"),
        ("[1,]", "unexpected character ']' at byte 3"),
        ("01", "unexpected content after the JSON value at byte 1"),
        ("\"\\x\"", "invalid escape sequence at byte 2"),
        ("\"a\u{1}\"", "unescaped control character in string at byte 2"),
        ("tru", "unexpected end of input at byte 3"),
        ("1.", "invalid number at byte 2"),
        ("{} {}", "unexpected content after the JSON value at byte 3"),
    ])
    func malformedInputIsRefusedWithItsPosition(text: String, message: String) {
        #expect(throws: (any Error).self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func invalidUTF8InAStringIsRefused() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError(reason: .invalidUTF8, offset: 1)) { try JSONParser.parse(bytes) }
    }

    @Test func nestingPastTheLimitIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError(reason: .nestingTooDeep(limit: 64), offset: 64)) {
            try JSONParser.parse(deep, maximumDepth: 64)
        }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try JSONParser.parse(fine, maximumDepth: 64)
    }
}
