/// Terms as numbers, so that counting them needs no hashing: a vocabulary that only grows.
/// `serve` keeps one between rebuilds, with the numbered terms of each excerpt.
public struct Vocabulary: Sendable {
    private var terms: [String] = []
    private var number: [String: Int32] = [:]

    var count: Int { terms.count }

    func term(_ number: Int32) -> String { terms[Int(number)] }

    /// The number of each term, new terms numbered as they come.
    mutating func numbers(_ terms: [String]) -> [Int32] {
        terms.map { term in
            if let existing = number[term] { return existing }
            let next = Int32(self.terms.count)
            self.terms.append(term)
            number[term] = next
            return next
        }
    }

    /// The terms of each excerpt of each note, numbered in order.
    mutating func number(_ terms: [[[String]]]) -> [[[Int32]]] {
        terms.map { $0.map { numbers($0) } }
    }
}
