import Foundation
import OrchestratorSystem
import Testing

/// A document written in pieces through a small reused buffer is the pieces joined, byte for byte.
struct PiecewiseWriteTests {
    @Test func piecesAcrossBufferBoundariesAreWrittenWhole() throws {
        let folder = TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/state.json"
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = (0..<300).map { index in
            (0..<Int.random(in: 0...700, using: &generator)).map { UInt8(truncatingIfNeeded: $0 &+ index) }
        }
        var scratch = [UInt8](repeating: 0, count: 1000)
        let replaced = try DurableReplacement(path: path, directory: folder).write(pieces: pieces, scratch: &scratch)
        replaced.release()
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(written) == Array(pieces.joined()))
        #expect(scratch.count == 1000, "the buffer is reused, not grown")
    }
}
