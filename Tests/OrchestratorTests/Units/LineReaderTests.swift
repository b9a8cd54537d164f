import OrchestratorMCP
import OrchestratorTools
import Testing

struct LineReaderTests {
    private func events(_ text: String, limit: Int = 1024, chunk: Int = 3) -> [LineReader<BytesSource>.Event] {
        var reader = LineReader(source: BytesSource(text, chunkSize: chunk), maximumLineBytes: limit, chunkSize: chunk)
        var seen: [LineReader<BytesSource>.Event] = []
        while true {
            let event = reader.next()
            seen.append(event)
            if event == .endOfInput { return seen }
        }
    }

    @Test func splitsOnNewlinesAcrossChunksAndStripsCarriageReturns() {
        #expect(
            events("ab\r\ncd\n\n  \nef") == [
                .line(Array("ab".utf8)), .line(Array("cd".utf8)), .line(Array("ef".utf8)), .endOfInput,
            ])
    }

    /// The oversized event's head is the line's beginning, at least as long as the limit allows.
    private func head(_ event: LineReader<BytesSource>.Event?, of line: String, limit: Int) -> Bool {
        guard case .oversized(_, let head)? = event else { return false }
        return head.count > limit && line.utf8.starts(with: head)
    }

    @Test func anOversizedLineIsCountedAndDroppedThenReadingGoesOn() {
        let long = String(repeating: "x", count: 50)
        let seen = events("\(long)\nok\n", limit: 10, chunk: 4)
        #expect(seen.count == 3 && seen.dropFirst() == [.line(Array("ok".utf8)), .endOfInput])
        guard case .oversized(let count, _)? = seen.first else {
            Issue.record("not oversized: \(seen)")
            return
        }
        #expect(count == 50 && head(seen.first, of: long, limit: 10))
    }

    @Test func anOversizedFinalLineWithoutNewlineIsReported() {
        let long = String(repeating: "y", count: 30)
        let seen = events(long, limit: 10, chunk: 7)
        guard case .oversized(let count, _)? = seen.first else {
            Issue.record("not oversized: \(seen)")
            return
        }
        #expect(count == 30 && head(seen.first, of: long, limit: 10) && seen.dropFirst() == [.endOfInput])
    }

    /// A line that arrives whole in one chunk keeps its head too, capped at `headBytes`.
    @Test func theHeadOfAWholeOversizedLineIsCapped() {
        let long = #"{"id":5,"x":""# + String(repeating: "z", count: 10_000) + "\"}"
        let seen = events(long + "\n", limit: 100, chunk: 65_536)
        guard case .oversized(let count, let head)? = seen.first else {
            Issue.record("not oversized: \(seen)")
            return
        }
        #expect(count == long.utf8.count && head == Array(long.utf8.prefix(LineReader<BytesSource>.headBytes)))
    }
}
