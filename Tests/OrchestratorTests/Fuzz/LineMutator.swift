import Foundation

/// A seeded generator of hostile JSON-RPC lines: seeds from the example sessions and every tool,
/// mutated by byte flips, truncation, huge values, deep nesting, invalid UTF-8, wrong types,
/// unknown fields, duplicated ids, ids that are no `Int` (beyond 64 bits, `1.0`, `1e2`, `1.5`), lone
/// surrogate escapes and the other era's envelope.
struct LineMutator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: small, fast and the same on every platform, so a failing seed reproduces.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// One line (bytes, without the newline) made from `seeds`.
    mutating func line(from seeds: [String]) -> [UInt8] {
        var bytes = Array(pick(seeds).utf8)
        for _ in 0..<below(4) { bytes = mutate(bytes) }
        return bytes.filter { $0 != 0x0A }
    }

    private mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        switch below(15) {
        case 0 where !bytes.isEmpty:
            bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: next())
        case 1 where !bytes.isEmpty:
            bytes.removeSubrange(below(bytes.count)...)
        case 2:
            return replace(
                bytes, #""params""#, with: #""params":{"x":"\#(String(repeating: "A", count: 100_000))"},"p""#)
        case 3:
            return replace(bytes, #""id":"#, with: #""id":123456789012345678901234567890,"i":"#)
        case 4:
            return Array((String(repeating: "[", count: 100 + below(200)) + String(repeating: "]", count: 100)).utf8)
        case 5:
            bytes.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xFE], at: below(bytes.count + 1))
        case 6:
            return replace(bytes, #""arguments":{"#, with: #""arguments":{"unknownField":[1,{"a":null}],"#)
        case 7:
            return replace(bytes, #""method":""#, with: #""method":42,"m":""#)
        case 8:
            return replace(bytes, #""id":"#, with: #""id":{"nested":true},"x":"#)
        case 9:
            return replace(
                bytes, #""params":{"#,
                with:
                    #""params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}},"#
            )
        case 10:
            return replace(bytes, "\"", with: "\"\\u0000")
        case 11:
            let id = pick(["1.0", "1e2", "9223372036854775808", "-9223372036854775809", "1.5", "-0", "2E+1", "0.10e1"])
            return replace(bytes, #""id":"#, with: #""id":\#(id),"i":"#)
        case 12:
            return replace(bytes, #"":""#, with: #"":"\ud800"#)
        case 13:
            return replace(bytes, #"":""#, with: #"":"\udc00\ud83d"#)
        default:
            bytes += bytes
        }
        return bytes
    }

    private mutating func replace(_ bytes: [UInt8], _ target: String, with replacement: String) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let range = text.range(of: target) else { return bytes }
        return Array(text.replacingCharacters(in: range, with: replacement).utf8)
    }
}
