/// A small xorshift generator for tests that make up inputs: the same
/// numbers for the same seed on every run and machine.
public struct SeededStream {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    /// A number in `0..<n`.
    public mutating func next(_ n: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(n))
    }
}

extension SeededStream {
    /// Made-up text: one to `most` pieces, each followed by a separator, both
    /// drawn from the lists (a count, then a piece and a separator at each step).
    public mutating func text(_ pieces: [String], most: Int, separators: [String]) -> String {
        var text = ""
        for _ in 0..<(1 + next(most)) {
            text += pieces[next(pieces.count)] + separators[next(separators.count)]
        }
        return text
    }

    /// A made-up token: one to `most` pieces joined with nothing between
    /// them (a count, then a piece at each step), as the path tests make them.
    public mutating func token(_ pieces: [String], most: Int) -> String {
        var token = ""
        for _ in 0..<(1 + next(most)) { token += pieces[next(pieces.count)] }
        return token
    }
}
