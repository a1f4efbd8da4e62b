/// Hands out names that differ from every name handed out before: a name
/// already taken gets `#2`, `#3`… appended, the suffix the plan uses for a
/// repeated task ID (`T045#2`, docs/semantics.md). One instance per
/// namespace (the milestones of a graph, the node IDs of a picture).
public struct UniqueNames: Sendable {
    private var used: Set<String> = []

    public init() {}

    /// `proposed`, or `proposed#k` for the smallest k ≥ 2 not taken yet;
    /// the result is taken from now on.
    ///
    /// - Complexity: O(k) hash lookups for the k-th repeat of a name.
    public mutating func claim(_ proposed: String) -> String {
        var name = proposed
        var k = 2
        while !used.insert(name).inserted {
            name = "\(proposed)#\(k)"
            k += 1
        }
        return name
    }
}
