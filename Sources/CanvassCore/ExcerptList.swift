/// Excerpts of a study's notes, named by their place (which note, which of its excerpts) and read
/// from the notes when asked for.
///
/// Analysis files each excerpt under its themes and needs. Holding the excerpts themselves meant
/// touching every excerpt of a large study on every `serve` rebuild; a list of places touches
/// none, and a page reads only the excerpts it shows.
public struct ExcerptList: RandomAccessCollection, Sendable {
    /// Excerpt `excerpt` of note `note`, positions in the notes the list was made with.
    public struct Place: Sendable, Hashable {
        public let note: Int32
        public let excerpt: Int32

        public init(note: Int, excerpt: Int) {
            self.note = Int32(note)
            self.excerpt = Int32(excerpt)
        }
    }

    private let notes: [Note]
    public private(set) var places: [Place]

    /// The excerpts at `places` of `notes`.
    public init(notes: [Note], places: [Place]) {
        self.notes = notes
        self.places = places
    }

    public var startIndex: Int { places.startIndex }
    public var endIndex: Int { places.endIndex }

    public subscript(position: Int) -> Excerpt {
        let place = places[position]
        return notes[Int(place.note)].excerpts[Int(place.excerpt)]
    }
}
