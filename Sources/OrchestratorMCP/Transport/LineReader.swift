/// Splits a byte stream into newline-delimited messages without ever holding more than the limit.
///
/// A line longer than `maximumLineBytes` is not accumulated: its bytes are counted and dropped until
/// the next newline, and it is reported as `.oversized` with its first `headBytes` bytes (where a
/// request's `id` usually is, so the refusal can carry it), so a hostile client cannot make the
/// server allocate unbounded memory. A trailing `\r` is stripped; blank lines are skipped.
package struct LineReader<Source: ByteSource> {
    package enum Event: Equatable {
        case line([UInt8])
        case oversized(byteCount: Int, head: [UInt8])
        case endOfInput
        case stopRequested(signal: Int32)
        /// The wake condition passed to `next(wake:)` was met before a whole line came.
        case woke
    }

    package static var defaultMaximumLineBytes: Int { 4 * 1024 * 1024 }
    /// How much of an oversized line is kept to find its id.
    package static var headBytes: Int { 4096 }

    private var source: Source
    /// Lines longer than this are discarded unread and reported as `.oversized`.
    package let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var discarding = false
    private var discardedCount = 0
    private var discardedHead: [UInt8] = []
    private var chunk: [UInt8]
    private var finished = false

    package init(source: Source, maximumLineBytes: Int = defaultMaximumLineBytes, chunkSize: Int = 65_536) {
        self.source = source
        self.maximumLineBytes = maximumLineBytes
        self.chunk = [UInt8](repeating: 0, count: chunkSize)
    }

    /// The next line or event; with `wake`, returns `.woke` when its descriptor or time comes first.
    package mutating func next(wake: WakeCondition? = nil) -> Event {
        while true {
            if let event = takeBufferedLine() { return event }
            if finished {
                // Input ended; a final line without a newline still counts.
                if discarding {
                    discarding = false
                    let total = discardedCount + buffer.count - start
                    discardedCount = 0
                    start = buffer.count
                    return .oversized(byteCount: total, head: takeHead())
                }
                if start < buffer.count {
                    let line = trimmed(buffer[start...])
                    start = buffer.count
                    if !line.isEmpty { return .line(line) }
                }
                return .endOfInput
            }
            let result = chunk.withUnsafeMutableBytes { source.read(into: $0, wake: wake) }
            switch result {
            case .data(let count):
                compact()
                buffer.append(contentsOf: chunk[0..<count])
            case .endOfInput:
                finished = true
            case .stopRequested(let signal):
                return .stopRequested(signal: signal)
            case .woke:
                return .woke
            }
        }
    }

    /// A complete line from the buffer, or the end of an oversized one, if there is one.
    private mutating func takeBufferedLine() -> Event? {
        while true {
            guard let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) else {
                scanned = buffer.count
                if discarding || buffer.count - start > maximumLineBytes {
                    if !discarding { discardedHead = head(from: start) }
                    discarding = true
                    discardedCount += buffer.count - start
                    start = buffer.count
                    scanned = buffer.count
                }
                return nil
            }
            let lineStart = start
            start = newline + 1
            scanned = start
            if discarding {
                discarding = false
                let total = discardedCount + (newline - lineStart)
                discardedCount = 0
                return .oversized(byteCount: total, head: takeHead())
            }
            if newline - lineStart > maximumLineBytes {
                return .oversized(byteCount: newline - lineStart, head: head(from: lineStart))
            }
            let line = trimmed(buffer[lineStart..<newline])
            if !line.isEmpty { return .line(line) }
        }
    }

    /// The first bytes of the line starting at `offset`, as many as are buffered up to `headBytes`.
    private func head(from offset: Int) -> [UInt8] {
        Array(buffer[offset..<min(buffer.count, offset + Self.headBytes)])
    }

    private mutating func takeHead() -> [UInt8] {
        defer { discardedHead = [] }
        return discardedHead
    }

    private func trimmed(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var slice = bytes
        if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
        if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return [] }
        return Array(slice)
    }

    /// Drops consumed bytes so the buffer does not grow with the session.
    private mutating func compact() {
        guard start > 0 else { return }
        buffer.removeFirst(start)
        scanned -= start
        start = 0
    }
}
