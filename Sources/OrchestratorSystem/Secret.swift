/// Unguessable values: 32 bytes from the system's secure generator, as 64 hex digits. The board's
/// tokens and anti-forgery token, the shared server's session ids and the 2026 questions'
/// `requestState` are all made here.
package enum Secret {
    package static func hex() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
