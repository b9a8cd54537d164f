/// Bytes that never change, at an address that never moves: a gathered write (`writev`) can point
/// at them where they are, so a document made of many of them is written without first being
/// copied into one buffer.
package final class FrozenBytes: @unchecked Sendable {
    package let count: Int
    private let base: UnsafeMutableRawPointer

    package init(_ bytes: [UInt8]) {
        count = bytes.count
        base = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let start = source.baseAddress { base.copyMemory(from: start, byteCount: source.count) }
        }
    }

    deinit {
        base.deallocate()
    }

    package func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes, as an array.
    package var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// The same bytes from `range` (of offsets) onward to `target`.
    package func copy(_ range: Range<Int>, into target: inout [UInt8]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range outside the bytes")
        target.append(contentsOf: UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }
}
