extension Array where Element: Equatable {
    /// Element-wise equality, where arrays that share storage are equal at once.
    ///
    /// Comparing two stored values through `==` still copies both out first, a retain and a release
    /// per field; tasks, compared by the thousand, have their own overload that reads each field
    /// where it lies (`WorkTask.equal(at:_:)`).
    package func equalsInPlace(_ other: [Element]) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBufferPointer { mine in
            other.withUnsafeBufferPointer { theirs in
                if mine.baseAddress == theirs.baseAddress { return true }
                for index in mine.indices where mine[index] != theirs[index] { return false }
                return true
            }
        }
    }

    /// Whether both arrays are the same storage (and so, without comparing a thing, equal).
    package func sharesStorage(with other: [Element]) -> Bool {
        count == other.count
            && withUnsafeBufferPointer { mine in
                other.withUnsafeBufferPointer { mine.baseAddress == $0.baseAddress }
            }
    }
}
