import Foundation
import OrchestratorJSON
import Testing

/// Through the binary's own transport (issue 13): every well-formed request is answered with its
/// own id as written, and a line over `--max-line-bytes` keeps the id its first bytes hold.
@Suite struct WireIdentityProcessTests {
    @Test func theBinaryAnswersEveryRequestWithItsOwnId() throws {
        let padding = String(repeating: "A", count: 6000)
        let lines = [
            ServerProcess.initializeLine.trimmingCharacters(in: .newlines),
            #"{"jsonrpc":"2.0","id":9223372036854775808,"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":1.0,"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":1e2,"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":"s\ud800","method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":"long-1","method":"tools/call","params":{"name":"server_info","arguments":{"x":"\#(padding)"}}}"#,
            #"{"jsonrpc":"2.0","method":"tools/call","params":{"name":"server_info","arguments":{"x":"\#(padding)"}},"id":"late"}"#,
            #"{"jsonrpc":"2.0","id":"after","method":"ping"}"#,
        ]
        let run = try ServerProcess.run(
            ["--state", ServerProcess.temporaryStatePath(), "--max-line-bytes", "4096"],
            input: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0)
        let answers = run.stdout.split(separator: "\n").map(String.init)
        #expect(answers.count == lines.count, "\(answers)")
        guard answers.count == lines.count else { return }
        #expect(answers[1] == #"{"id":9223372036854775808,"jsonrpc":"2.0","result":{}}"#)
        #expect(answers[2] == #"{"id":1.0,"jsonrpc":"2.0","result":{}}"#)
        #expect(answers[3] == #"{"id":1e2,"jsonrpc":"2.0","result":{}}"#)
        #expect(answers[4].hasSuffix(#""id":1.5,"jsonrpc":"2.0"}"#) && answers[4].contains("-32600"))
        #expect(answers[5] == #"{"id":"s\#u{FFFD}","jsonrpc":"2.0","result":{}}"#)
        #expect(
            answers[6].contains(#""id":"long-1""#) && answers[6].contains("over the 4096-byte limit"), "\(answers[6])")
        #expect(
            answers[7].contains(#""id":null"#) && answers[7].contains("over the 4096-byte limit"),
            "the id comes after the head")
        #expect(answers[8] == #"{"id":"after","jsonrpc":"2.0","result":{}}"#)
    }
}
