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

    /// `count` bytes that `fill` writes, once, before anyone can read them.
    package init(count: Int, fill: (UnsafeMutableRawPointer) -> Void) {
        self.count = count
        base = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 1)
        fill(base)
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
}
