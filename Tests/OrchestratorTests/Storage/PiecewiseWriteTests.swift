import Foundation
import OrchestratorSystem
import Testing

/// A document written in pieces straight from where they are is the pieces joined, byte for byte.
struct PiecewiseWriteTests {
    /// More pieces than one gathered write takes (1,024), some of them empty.
    @Test func piecesBeyondOneGatheredWriteAreWrittenWholeAndInOrder() throws {
        let folder = TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/state.json"
        var generator = SystemRandomNumberGenerator()
        // Every hundredth piece is empty, so empty pieces are there on every run, not by chance.
        let pieces: [[UInt8]] = (0..<3000).map { index in
            let count = index % 100 == 0 ? 0 : Int.random(in: 1...700, using: &generator)
            return (0..<count).map { UInt8(truncatingIfNeeded: $0 &+ index) }
        }
        #expect(pieces.filter(\.isEmpty).count == 30)
        let replaced = try DurableReplacement(path: path, directory: folder).write(pieces: pieces.map(FrozenBytes.init))
        replaced.release()
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(written) == Array(pieces.joined()))
    }

    @Test func frozenBytesGiveBackWhatTheyWereMadeOf() {
        let frozen = FrozenBytes(Array("head|body|tail".utf8))
        #expect(frozen.count == 14)
        #expect(frozen.bytes == Array("head|body|tail".utf8))
        let filled = FrozenBytes(count: 3) { $0.copyMemory(from: Array("abc".utf8), byteCount: 3) }
        #expect(filled.bytes == Array("abc".utf8))
        #expect(FrozenBytes([]).bytes.isEmpty)
    }
}
