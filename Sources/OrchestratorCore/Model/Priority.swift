/// How urgent a task is; the scheduler hands out higher priorities first.
package enum Priority: String, CaseIterable, Sendable {
    case high
    case medium
    case low

    /// Smaller sorts first.
    package var rank: Int {
        switch self {
        case .high: 0
        case .medium: 1
        case .low: 2
        }
    }
}
