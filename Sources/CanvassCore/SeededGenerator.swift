/// A small, fast, seedable generator (SplitMix64): the same seed gives the same sequence on
/// every platform and Swift version, which `SystemRandomNumberGenerator` cannot promise.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform index in 0..<count.
    public mutating func index(below count: Int) -> Int {
        Int(next() % UInt64(count))
    }

    /// A seed derived from this one for a sub-task, so tasks stay independent of each other's draws.
    public static func derive(_ seed: UInt64, _ salt: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: seed ^ (salt &* 0xD1B5_4A32_D192_ED03))
        return generator.next()
    }
}
