/// Where input bytes come from: stdin in production, a byte array in tests.
package protocol ByteSource {
    /// Fills part of `buffer`; blocks until there is data, input ends, a stop signal arrives, or —
    /// when `wake` is given — its descriptor becomes readable or its time passes (`.woke`).
    mutating func read(into buffer: UnsafeMutableRawBufferPointer, wake: WakeCondition?) -> ByteSourceResult
}

/// Besides input, what ends a wait for it: a descriptor (the state file's watcher) and a timeout.
package struct WakeCondition: Equatable, Sendable {
    package let descriptor: Int32?
    package let milliseconds: Int32

    package init(descriptor: Int32?, milliseconds: Int32) {
        self.descriptor = descriptor
        self.milliseconds = milliseconds
    }
}

package enum ByteSourceResult: Equatable {
    case data(count: Int)
    case endOfInput
    /// A termination signal arrived (SIGTERM, SIGINT); the loop should stop cleanly.
    case stopRequested(signal: Int32)
    /// The wake condition was met before any input came.
    case woke
}

/// A fixed byte sequence delivered in chunks of a chosen size, for tests and transcripts.
package struct BytesSource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var offset = 0

    package init(_ bytes: [UInt8], chunkSize: Int = 65_536) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    package init(_ text: String, chunkSize: Int = 65_536) {
        self.init(Array(text.utf8), chunkSize: chunkSize)
    }

    package mutating func read(into buffer: UnsafeMutableRawBufferPointer, wake: WakeCondition?) -> ByteSourceResult {
        guard offset < bytes.count else { return .endOfInput }
        let count = min(chunkSize, buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return .data(count: count)
    }
}
