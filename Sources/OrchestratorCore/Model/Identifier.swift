/// A typed id: `WorkTask.ID` and `WorkRequest.ID` cannot be mixed up, though both are short strings
/// such as `task-7` and `req-3`.
package struct Identifier<Owner>: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }

    package var description: String { rawValue }

    package static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}
