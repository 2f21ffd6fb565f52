import Yams

/// A YAML value as the loaders read it: text, a list, a mapping in written order, or an alias,
/// each with the place it starts. Every plain value is text; the loaders convert it
/// (`YAMLReader.int`, `bool`, …). Made by `SimpleYAML` or, for anything beyond it, from Yams.
indirect enum YAMLNode: Equatable {
    case scalar(Scalar)
    case sequence([YAMLNode], Place)
    case mapping([Entry], Place)
    /// A YAML `*name`; the loaders refuse it.
    case alias(Place)

    /// Line and column in the YAML text, from 1; columns count Unicode scalars, as libyaml's do.
    struct Place: Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar: Equatable {
        var string: String
        var place: Place
    }

    struct Entry: Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    var place: Place {
        switch self {
        case .scalar(let scalar): return scalar.place
        case .sequence(_, let place), .mapping(_, let place), .alias(let place): return place
        }
    }

    /// The same value as Yams composed it (with `Resolver.basic`: every scalar is its text).
    /// Lists and mappings nested deeper than any loader reads are kept, empty: libyaml allows
    /// 1,000 levels, and converting such a document whole overflowed a thread's stack. Throws
    /// `TooLarge` past `budget` values: an alias repeats what it names, and a few lines of them
    /// (an "alias bomb") stand for billions of values.
    static func converting(_ node: Node, budget: inout Int, depth: Int = 0) throws -> YAMLNode {
        budget -= 1
        guard budget >= 0 else { throw TooLarge() }
        let place = Place(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        let deeper = depth < deepestConverted
        switch node {
        case .scalar(let scalar):
            return .scalar(Scalar(string: scalar.string, place: place))
        case .sequence(let sequence):
            return .sequence(deeper ? try sequence.map { try converting($0, budget: &budget, depth: depth + 1) } : [], place)
        case .mapping(let mapping):
            return .mapping(deeper ? try mapping.map {
                Entry(key: try converting($0.key, budget: &budget, depth: depth + 1), value: try converting($0.value, budget: &budget, depth: depth + 1))
            } : [], place)
        case .alias:
            return .alias(place)
        }
    }

    static let deepestConverted = 32
    /// Far more values than a configuration or a note's front matter holds.
    static let largestConverted = 100_000

    struct TooLarge: Error {}
}
