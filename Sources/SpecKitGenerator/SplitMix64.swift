/// A small seeded pseudo-random generator (Steele, Lea & Flood's SplitMix64).
///
/// The package's one SplitMix64: the spec generator draws from it, and
/// `Xoshiro256StarStar` (Monte Carlo forecasts) seeds its state with it.
///
/// The generator must give the same stream on every platform and Swift
/// version, so it deliberately does not conform to `RandomNumberGenerator`:
/// the standard library's `random(in:using:)` algorithms are not promised to
/// stay the same, while `below(_:)` and `chance(perMille:)` here are.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`, by Lemire's multiply-high (bias below 2⁻³²
    /// for the bounds used here, which is irrelevant for synthetic text).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// `true` with probability `perMille / 1000`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func chance(perMille: Int) -> Bool {
        below(1000) < perMille
    }
}
