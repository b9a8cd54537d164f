/// The head of a request (request line and header fields), parsed by hand and strictly: only what
/// the server serves is accepted, and everything else is refused with the status that says why.
package struct HTTPHead: Sendable {
    package let method: String
    package let target: String
    package let headers: [(name: String, value: String)]
    package let keepAlive: Bool
    /// The body's length from `Content-Length` (0 when absent).
    package let contentLength: Int

    /// Why a head is refused: the status to answer with, and a sentence for the body.
    package struct Refusal: Error, Equatable, Sendable {
        package let status: Int
        package let reason: String
    }

    /// Parses `bytes`, the head without its final empty line. `maximumBody` turns a longer declared
    /// body into 413 before any of it is read.
    package static func parse(_ bytes: ArraySlice<UInt8>, maximumBody: Int) throws(Refusal) -> HTTPHead {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                guard index > start, bytes[index - 1] == UInt8(ascii: "\r") else {
                    throw Refusal(status: 400, reason: "lines must end with CRLF")
                }
                lines.append(bytes[start..<index - 1])
                start = index + 1
            }
            index += 1
        }
        if start < bytes.endIndex { lines.append(bytes[start...]) }
        guard let requestLine = lines.first else { throw Refusal(status: 400, reason: "empty request") }
        let words = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard words.count == 3, !words[0].isEmpty, words[0].allSatisfy(isTokenByte) else {
            throw Refusal(status: 400, reason: "the request line must be METHOD TARGET HTTP/1.1")
        }
        let version = String(decoding: words[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { throw Refusal(status: 400, reason: "no HTTP version") }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw Refusal(status: 505, reason: "only HTTP/1.1 and HTTP/1.0 are served")
        }
        guard words[1].first == UInt8(ascii: "/"), words[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw Refusal(status: 400, reason: "the target must be a path starting with /")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
                throw Refusal(status: 400, reason: "a header line has no name")
            }
            let name = line[..<colon]
            guard name.allSatisfy(isTokenByte) else {
                throw Refusal(status: 400, reason: "a header name has a character a token may not have")
            }
            let value = line[(colon + 1)...]
            guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                throw Refusal(status: 400, reason: "a header value has a control character")
            }
            headers.append(
                (
                    String(decoding: name, as: UTF8.self).lowercased(),
                    String(String(decoding: value, as: UTF8.self)[...].trimmingSpaces)
                ))
        }
        let hosts = headers.filter { $0.name == "host" }
        if version == "HTTP/1.1", hosts.count != 1 {
            throw Refusal(status: 400, reason: "HTTP/1.1 needs exactly one Host header")
        }
        if headers.contains(where: { $0.name == "transfer-encoding" }) {
            throw Refusal(status: 501, reason: "Transfer-Encoding is not served; send the body with Content-Length")
        }
        let lengths = Set(headers.filter { $0.name == "content-length" }.map(\.value))
        var contentLength = 0
        if let only = lengths.first {
            guard lengths.count == 1, !only.isEmpty, only.count <= 18, only.allSatisfy(\.isASCIIDigit),
                let value = Int(only)
            else { throw Refusal(status: 400, reason: "Content-Length must be one decimal number") }
            contentLength = value
        }
        if contentLength > maximumBody {
            throw Refusal(status: 413, reason: "the body is over the \(maximumBody)-byte limit")
        }
        let connection = headers.filter { $0.name == "connection" }.map { $0.value.lowercased() }
        let keepAlive =
            version == "HTTP/1.1"
            ? !connection.contains("close") : connection.contains("keep-alive")
        return HTTPHead(
            method: String(decoding: words[0], as: UTF8.self), target: String(decoding: words[1], as: UTF8.self),
            headers: headers, keepAlive: keepAlive, contentLength: contentLength)
    }

    /// RFC 9110's `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
