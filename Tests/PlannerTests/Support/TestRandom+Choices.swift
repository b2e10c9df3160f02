/// Choices the scenario generator makes from a seeded `TestRandom`.
extension TestRandom {
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &self)] }

    /// Each value with probability 0.4.
    mutating func subset<T: Hashable>(_ values: [T]) -> Set<T> {
        var chosen = Set<T>()
        for value in values where chance(0.4) { chosen.insert(value) }
        return chosen
    }
}
