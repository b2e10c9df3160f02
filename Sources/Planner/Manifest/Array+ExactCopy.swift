extension Array {
    /// A copy in a buffer of just `count` elements, however much capacity `self` has: for arrays that
    /// are kept and reused as scratch space while their contents move on to be stored.
    func exactCopy() -> [Element] {
        var copy: [Element] = []
        copy.reserveCapacity(count)
        copy.append(contentsOf: self)
        return copy
    }
}
