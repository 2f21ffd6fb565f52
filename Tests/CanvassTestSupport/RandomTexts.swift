/// Texts made of given pieces in a fixed pseudo-random order (xorshift64), for tests that compare
/// a fast routine with a plain reference over many inputs: the same texts every run, so a failure
/// (which names its text) replays.
public struct RandomTexts {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed
    }

    public mutating func index(below bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    /// Between `fewest` and `most` pieces, joined.
    public mutating func text(from pieces: [String], fewest: Int = 0, most: Int) -> String {
        (0..<(fewest + index(below: most - fewest + 1))).map { _ in pieces[index(below: pieces.count)] }.joined()
    }
}
