/// Where a transition leads: another step of the workflow, or one of the two built-in ends.
package enum StepTarget: Sendable, Hashable, CustomStringConvertible {
    case step(String)
    /// The run completed successfully.
    case finish
    /// The run ended in failure.
    case failed

    /// Reads `FINISH`, `FAILED` (any case) or a step name, trimmed.
    package init(_ text: String) {
        let trimmed = text.trimmingBlanks
        switch trimmed.uppercased() {
        case "FINISH": self = .finish
        case "FAILED": self = .failed
        default: self = .step(trimmed)
        }
    }

    package var description: String {
        switch self {
        case .step(let name): name
        case .finish: "FINISH"
        case .failed: "FAILED"
        }
    }

    /// FINISH or FAILED: the run stops there.
    package var isEnd: Bool {
        if case .step = self { false } else { true }
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without leading and trailing spaces, tabs and line breaks.
    package var trimmingBlanks: String {
        // Bytes, not characters: this runs on every line of every workflow file at start-up.
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !Self.isBlank($0) }),
            let last = bytes.lastIndex(where: { !Self.isBlank($0) })
        else { return "" }
        return String(self[first...last])
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
