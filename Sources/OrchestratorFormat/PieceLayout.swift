internal import OrchestratorSystem

/// A piece being put together from runs of an old piece and new bytes, copied once at the end.
struct PieceLayout {
    private enum Part {
        case old(Range<Int>)
        case new([UInt8])
    }

    private var parts: [Part] = []
    private(set) var count = 0

    /// Takes `range` of the old piece; a run that continues the previous one joins it.
    mutating func reuse(_ range: Range<Int>) {
        if case .old(let last)? = parts.last, last.upperBound == range.lowerBound {
            parts[parts.count - 1] = .old(last.lowerBound..<range.upperBound)
        } else {
            parts.append(.old(range))
        }
        count += range.count
    }

    mutating func add(_ bytes: [UInt8]) {
        parts.append(.new(bytes))
        count += bytes.count
    }

    func frozen(reusing old: FrozenBytes?) -> FrozenBytes {
        FrozenBytes(count: count) { target in
            var offset = 0
            for part in parts {
                switch part {
                case .old(let range):
                    old?.withUnsafeBytes { source in
                        (target + offset).copyMemory(
                            from: source.baseAddress! + range.lowerBound, byteCount: range.count)
                    }
                    offset += range.count
                case .new(let bytes):
                    bytes.withUnsafeBytes { source in
                        if let start = source.baseAddress {
                            (target + offset).copyMemory(from: start, byteCount: source.count)
                        }
                    }
                    offset += bytes.count
                }
            }
        }
    }
}
