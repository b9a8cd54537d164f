extension Array where Element: Equatable {
    /// Element-wise equality that compares the elements where they are stored.
    ///
    /// The standard `==` copies each element out before comparing it, which for a task costs a retain
    /// and a release per field; deciding whether a change changed anything does this for every task of
    /// the store. Arrays that share storage are equal at once.
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
