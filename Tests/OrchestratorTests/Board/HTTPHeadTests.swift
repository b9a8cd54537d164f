import OrchestratorHTTP
import Testing

/// The head parser accepts only what the board serves and names the status of everything else.
struct HTTPHeadTests {
    private func parse(_ text: String, maximumBody: Int = 1024) -> Result<HTTPHead, HTTPHead.Refusal> {
        Result { () throws(HTTPHead.Refusal) in try HTTPHead.parse(Array(text.utf8)[...], maximumBody: maximumBody) }
    }

    private func status(_ text: String, maximumBody: Int = 1024) -> Int? {
        if case .failure(let refusal) = parse(text, maximumBody: maximumBody) { return refusal.status }
        return nil
    }

    @Test func aPlainRequestParsesWithLowerCaseNamesAndTrimmedValues() throws {
        let head = try parse("POST /api/approve?x=1 HTTP/1.1\r\nHost:  127.0.0.1:80 \r\nContent-Length: 12\r\nX-A: b")
            .get()
        #expect(head.method == "POST" && head.target == "/api/approve?x=1" && head.contentLength == 12)
        #expect(head.headers.map(\.name) == ["host", "content-length", "x-a"])
        #expect(head.headers[0].value == "127.0.0.1:80" && head.keepAlive)
    }

    @Test func connectionRulesFollowTheVersion() throws {
        #expect(try !parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close").get().keepAlive)
        #expect(try !parse("GET / HTTP/1.0").get().keepAlive)
        #expect(try parse("GET / HTTP/1.0\r\nConnection: keep-alive").get().keepAlive)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1", 400),  // no Host
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b", 400),
        ("GET / HTTP/2.0\r\nHost: a", 505),
        ("GET / FTP/1.0\r\nHost: a", 400),
        ("GET http://a/ HTTP/1.1\r\nHost: a", 400),
        ("GET  / HTTP/1.1\r\nHost: a", 400),
        ("G(T / HTTP/1.1\r\nHost: a", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nBad Name: x", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\n folded", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: \u{7}", 400),
        ("GET / HTTP/1.1\nHost: a", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked", 501),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1025", 413),
    ])
    func refusalsCarryTheirStatus(request: String, expected: Int) {
        #expect(status(request) == expected)
    }

    @Test func theQueryAndCookiesAreDecoded() {
        let request = HTTPRequest(
            method: "GET", target: "/?token=a%2Fb&token=second&name=x+y&bad=%zz",
            headers: [("cookie", "one=1; mcp_orchestrator_board=abc ; two=2")], body: [], keepAlive: true)
        #expect(request.path == "/" && request.query["token"] == "a/b" && request.query["name"] == "x y")
        #expect(request.query["bad"] == "%zz")
        #expect(request.cookie("mcp_orchestrator_board") == "abc" && request.cookie("three") == nil)
    }
}
