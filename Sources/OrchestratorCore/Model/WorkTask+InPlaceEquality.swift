extension WorkTask {
    /// Whether the tasks stored at `lhs` and `rhs` are equal, compared field by field where they lie.
    ///
    /// `==` on two stored tasks copies both out first, a retain and a release for every field, and
    /// deciding what a change changed compares every task of the request it touched. A field added
    /// to this type must be added here too; a test that changes each stored field in turn fails
    /// otherwise.
    package static func equal(at lhs: UnsafePointer<WorkTask>, _ rhs: UnsafePointer<WorkTask>) -> Bool {
        lhs.pointee.id.rawValue == rhs.pointee.id.rawValue && lhs.pointee.title == rhs.pointee.title
            && lhs.pointee.description == rhs.pointee.description && lhs.pointee.status == rhs.pointee.status
            && lhs.pointee.dependsOn == rhs.pointee.dependsOn && lhs.pointee.priority == rhs.pointee.priority
            && lhs.pointee.role == rhs.pointee.role && lhs.pointee.assignee == rhs.pointee.assignee
            && lhs.pointee.claimExpiresAt == rhs.pointee.claimExpiresAt
            && lhs.pointee.completedDetails == rhs.pointee.completedDetails
            && lhs.pointee.feedback == rhs.pointee.feedback && lhs.pointee.approvedBy == rhs.pointee.approvedBy
            && lhs.pointee.deletedAt == rhs.pointee.deletedAt && lhs.pointee.history == rhs.pointee.history
    }
}

extension Array where Element == WorkTask {
    /// `==` for tasks, each pair compared where it is stored (`WorkTask.equal(at:_:)`); arrays that
    /// share storage are equal at once.
    package func equalsInPlace(_ other: [WorkTask]) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBufferPointer { mine in
            other.withUnsafeBufferPointer { theirs in
                guard let first = mine.baseAddress, let second = theirs.baseAddress else { return true }
                if first == second { return true }
                for index in mine.indices where !WorkTask.equal(at: first + index, second + index) { return false }
                return true
            }
        }
    }
}
