/// Measures of clustering quality: the adjusted Rand index and the silhouette.
public enum ClusterAgreement {
    /// Hubert–Arabie adjusted Rand index between two labelings of the same items: 1 for identical
    /// partitions (whatever the label names), about 0 for chance agreement.
    public static func adjustedRandIndex(_ a: [Int], _ b: [Int]) -> Double {
        precondition(a.count == b.count, "labelings must cover the same items")
        let n = a.count
        guard n > 1 else { return 1 }
        var table: [Int: [Int: Int]] = [:]
        var rows: [Int: Int] = [:], columns: [Int: Int] = [:]
        for (x, y) in zip(a, b) {
            table[x, default: [:]][y, default: 0] += 1
            rows[x, default: 0] += 1
            columns[y, default: 0] += 1
        }
        func pairs(_ m: Int) -> Double { Double(m) * Double(m - 1) / 2 }
        let index = table.values.flatMap(\.values).reduce(0) { $0 + pairs($1) }
        let rowPairs = rows.values.reduce(0) { $0 + pairs($1) }
        let columnPairs = columns.values.reduce(0) { $0 + pairs($1) }
        let expected = rowPairs * columnPairs / pairs(n)
        let maximum = (rowPairs + columnPairs) / 2
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }

    /// Mean silhouette of `labels` under the dissimilarity `distance(i, j)`.
    /// Points alone in their cluster score 0 (Rousseeuw's convention); nil with fewer than 2 clusters.
    public static func meanSilhouette(labels: [Int], distance: (Int, Int) -> Double) -> Double? {
        let clusters = Set(labels).sorted()
        guard clusters.count > 1 else { return nil }
        // Clusters numbered 0..<count, so the per-point sums live in an array, not a dictionary.
        let number = Dictionary(uniqueKeysWithValues: clusters.enumerated().map { ($1, $0) })
        let dense = labels.map { number[$0]! }
        let n = labels.count
        var sizes = [Int](repeating: 0, count: clusters.count)
        for label in dense { sizes[label] += 1 }
        var sums = [Double](repeating: 0, count: clusters.count)
        var total = 0.0
        for i in 0..<n {
            let own = dense[i]
            guard sizes[own] > 1 else { continue }
            for label in sums.indices { sums[label] = 0 }
            for j in 0..<n where j != i {
                sums[dense[j]] += distance(i, j)
            }
            let a = sums[own] / Double(sizes[own] - 1)
            var b = Double.infinity
            for label in sums.indices where label != own {
                b = min(b, sums[label] / Double(sizes[label]))
            }
            let denominator = max(a, b)
            total += denominator > 0 ? (b - a) / denominator : 0
        }
        return total / Double(n)
    }
}
