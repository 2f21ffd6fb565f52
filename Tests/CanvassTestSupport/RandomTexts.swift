import CanvassCore

/// Texts made of given pieces in a fixed pseudo-random order (the project's `SeededGenerator`),
/// for tests that compare a fast routine with a plain reference over many inputs: the same texts
/// every run, so a failure (which names its text) replays.
public struct RandomTexts {
    private var generator: SeededGenerator

    public init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// Between `fewest` and `most` pieces, joined.
    public mutating func text(from pieces: [String], fewest: Int = 0, most: Int) -> String {
        (0..<(fewest + generator.index(below: most - fewest + 1))).map { _ in pieces[generator.index(below: pieces.count)] }.joined()
    }
}
