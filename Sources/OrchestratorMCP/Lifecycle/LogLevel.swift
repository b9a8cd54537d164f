/// Severity levels of RFC 5424, least to most severe, as MCP logging and `--log-level` spell them.
package enum LogLevel: String, CaseIterable, Comparable, Sendable {
    case debug, info, notice, warning, error, critical, alert, emergency

    package static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// The accepted spellings, for error messages.
    package static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
