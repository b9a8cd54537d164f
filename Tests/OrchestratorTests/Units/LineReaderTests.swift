import OrchestratorMCP
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
        #expect(events("ab\r\ncd\n\n  \nef") == [
            .line(Array("ab".utf8)), .line(Array("cd".utf8)), .line(Array("ef".utf8)), .endOfInput,
        ])
    }

    @Test func anOversizedLineIsCountedAndDroppedThenReadingGoesOn() {
        let long = String(repeating: "x", count: 50)
        #expect(events("\(long)\nok\n", limit: 10, chunk: 4) == [.oversized(byteCount: 50), .line(Array("ok".utf8)), .endOfInput])
    }

    @Test func anOversizedFinalLineWithoutNewlineIsReported() {
        #expect(events(String(repeating: "y", count: 30), limit: 10, chunk: 7) == [.oversized(byteCount: 30), .endOfInput])
    }
}
