import OrchestratorJSON
import OrchestratorMCP
import OrchestratorTools
import Testing

/// Malformed lines each get the exact error the digest prescribes, and the server keeps answering.
struct WireErrorTests {
    static let table: [(line: String, reply: String)] = [
        (
            "not json",
            #"{"error":{"code":-32700,"message":"Parse error: unexpected character 'o' at byte 1"},"id":null,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":1,"method":"ping""#,
            #"{"error":{"code":-32700,"message":"Parse error: unexpected end of input at byte 39"},"id":null,"jsonrpc":"2.0"}"#
        ),
        (
            "42",
            #"{"error":{"code":-32600,"message":"Invalid Request: a message must be a JSON object, not integer"},"id":null,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"id":1,"method":"ping"}"#,
            #"{"error":{"code":-32600,"message":"Invalid Request: \"jsonrpc\" must be \"2.0\""},"id":1,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"1.0","id":"a","method":"ping"}"#,
            #"{"error":{"code":-32600,"message":"Invalid Request: \"jsonrpc\" must be \"2.0\""},"id":"a","jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":true,"method":"ping"}"#,
            #"{"error":{"code":-32600,"message":"Invalid Request: id must be a string or an integer, not boolean"},"id":null,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#,
            #"{"error":{"code":-32600,"message":"Invalid Request: id must be a string or an integer, not 1.5 (a number with a fraction)"},"id":1.5,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":2.50e-1,"method":"ping"}"#,
            #"{"error":{"code":-32600,"message":"Invalid Request: id must be a string or an integer, not 2.50e-1 (a number with a fraction)"},"id":2.50e-1,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":null,"method":"ping"}"#,
            #"{"error":{"code":-32600,"message":"Invalid Request: id must be a string or an integer, not null"},"id":null,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":2,"method":7}"#,
            #"{"error":{"code":-32600,"message":"Invalid Request: method must be a string"},"id":2,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":3}"#,
            #"{"error":{"code":-32600,"message":"Invalid Request: a message needs a method, or a result or error"},"id":3,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":4,"method":"ping","params":[1]}"#,
            #"{"error":{"code":-32602,"message":"Invalid params: params must be an object, not array"},"id":4,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":5,"method":"no/such"}"#,
            #"{"error":{"code":-32601,"message":"Method not found","data":"no/such"},"id":5,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":6,"method":"tools/list"}"#,
            #"{"error":{"code":-32602,"message":"Server not initialized: send initialize before tools/list"},"id":6,"jsonrpc":"2.0"}"#
        ),
        (
            #"[{"jsonrpc":"2.0","id":7,"method":"ping"}]"#,
            #"{"error":{"code":-32600,"message":"Invalid Request: batches are accepted only in a 2025-03-26 session; send one message per line"},"id":null,"jsonrpc":"2.0"}"#
        ),
        (
            String(repeating: "[", count: 500),
            #"{"error":{"code":-32700,"message":"Parse error: nesting deeper than 64 levels at byte 64"},"id":null,"jsonrpc":"2.0"}"#
        ),
    ]

    @Test(arguments: table)
    func eachMalformedLineGetsItsExactErrorAndTheServerStillAnswers(line: String, reply: String) {
        var harness = ServerHarness()
        let replies = harness.send(line)
        #expect(replies.count == 1)
        #expect(replies.first.map(Self.sortedError) == Self.sortedError(reply))
        #expect(
            harness.send(#"{"jsonrpc":"2.0","id":99,"method":"ping"}"#) == [#"{"id":99,"jsonrpc":"2.0","result":{}}"#])
    }

    @Test func invalidUTF8BytesOutsideStringsAreAParseError() {
        var harness = ServerHarness()
        harness.server.receive([0xFF, 0xFE])
        harness.server.receive([0x22, 0xFF, 0x22])
        let replies = harness.sink.drain().map(\.description)
        #expect(
            replies == [
                #"{"error":{"code":-32700,"message":"Parse error: unexpected byte 0xff at byte 0"},"id":null,"jsonrpc":"2.0"}"#,
                #"{"error":{"code":-32700,"message":"Parse error: invalid UTF-8 in string at byte 1"},"id":null,"jsonrpc":"2.0"}"#,
            ])
    }

    /// Every well-formed request gets its own id back, exactly as written (issue 13): integers beyond
    /// 64 bits and integers written with a fraction or an exponent are served; a lone surrogate
    /// escape anywhere in the line reads as U+FFFD instead of failing the line.
    @Test func idsComeBackExactlyAsWrittenAndLoneSurrogatesDoNotLoseTheLine() {
        var harness = ServerHarness()
        harness.initialize()
        for id in [
            "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1.0", "1e2", "2E+1",
            "-0.0e5", "0.10e1",
        ] {
            #expect(
                harness.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#) == [
                    #"{"id":\#(id),"jsonrpc":"2.0","result":{}}"#
                ])
        }
        #expect(
            harness.send(#"{"jsonrpc":"2.0","id":"a\ud800b","method":"ping"}"#) == [
                #"{"id":"a\#u{FFFD}b","jsonrpc":"2.0","result":{}}"#
            ])
        #expect(
            harness.send(#"{"jsonrpc":"2.0","id":8,"method":"ping","params":{"x":"\udc00 \ud800\ud800 \ud83d\ude00"}}"#)
                == [#"{"id":8,"jsonrpc":"2.0","result":{}}"#])
        let echoed = harness.send(
            #"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"request_planning","arguments":{"originalRequest":"x\ud800","tasks":[{"title":"t\udfff","description":"😀\ud83d\ude00"}]}}}"#
        )
        #expect(
            echoed.count == 1 && echoed[0].contains(#""id":9"#) && echoed[0].contains("x\u{FFFD}")
                && echoed[0].contains("t\u{FFFD}"), "\(echoed)")
    }

    @Test func anOversizedLineKeepsTheIdItsHeadHolds() {
        let harness = ServerHarness()
        harness.server.receiveOversizedLine(
            byteCount: 9000, limit: 4096,
            head: Array(#"{"jsonrpc":"2.0","id":"big-1","method":"tools/call","params":{"x":"AAAA"#.utf8))
        harness.server.receiveOversizedLine(
            byteCount: 9000, limit: 4096, head: Array(#"{"jsonrpc":"2.0","id":1e3,"method""#.utf8))
        harness.server.receiveOversizedLine(
            byteCount: 9000, limit: 4096,
            head: Array(#"{"jsonrpc":"2.0","method":"tools/call","params":{"x":"AAAA"#.utf8))
        harness.server.receiveOversizedLine(
            byteCount: 9000, limit: 4096, head: Array(#"[{"jsonrpc":"2.0","id":4"#.utf8))
        #expect(harness.sink.drain().map { $0["id"]?.description } == [#""big-1""#, "1e3", "null", "null"])
    }

    @Test func notificationsAreNeverAnsweredEvenWhenMalformed() {
        var harness = ServerHarness()
        #expect(harness.send(#"{"jsonrpc":"2.0","method":"notifications/whatever"}"#).isEmpty)
        #expect(harness.send(#"{"jsonrpc":"2.0","method":"x","params":[1]}"#).isEmpty)
        #expect(harness.send(#"{"jsonrpc":"2.0","result":{}}"#).isEmpty)
    }

    @Test func anOversizedLineIsAnsweredWithTheLimit() {
        let harness = ServerHarness()
        harness.server.receiveOversizedLine(byteCount: 5000, limit: 4096)
        #expect(
            harness.sink.drain().map(\.description) == [
                #"{"error":{"code":-32600,"data":{"limit":4096},"message":"Invalid Request: the message is 5000 bytes or more, over the 4096-byte limit (--max-line-bytes); it was discarded"},"id":null,"jsonrpc":"2.0"}"#
            ])
    }

    /// Our writer sorts keys; the table is written in reading order, so compare sorted forms.
    static func sortedError(_ line: String) -> String {
        (try? OrchestratorJSONBridge.reserialize(line)) ?? line
    }
}
