import CanvassCore

/// Service levels against commitments (SPEC §4.11): per priority, per dimension, per month.
public enum ServiceAnalyzer {
    public static func analyse(_ files: [ServiceRecords], commitments: [Commitment]) -> ServiceResults? {
        guard !files.isEmpty else { return nil }
        let committed = Dictionary(uniqueKeysWithValues: commitments.map { ($0.priority, Double($0.seconds)) })
        let records = files.flatMap { file in file.records.map { (file.path, $0) } }
        func level(_ label: String, _ group: [(String, ServiceRecord)], commitment: Double?) -> ServiceLevel {
            let responses = group.compactMap { $0.1.responseSeconds }
            let resolutions = group.compactMap { $0.1.resolutionSeconds }
            // Within commitment: each record against its own priority's commitment.
            var measured = 0, hits = 0
            for (_, record) in group {
                guard let response = record.responseSeconds, let priority = record.priority, let limit = committed[priority] else { continue }
                measured += 1
                if response <= limit { hits += 1 }
            }
            return ServiceLevel(
                label: label, committed: commitment, records: group.count, responded: responses.count,
                responseMedian: Estimators.quantile(responses, 0.5), responseP90: Estimators.quantile(responses, 0.9),
                resolutionMedian: Estimators.quantile(resolutions, 0.5), resolutionP90: Estimators.quantile(resolutions, 0.9),
                within: Estimators.share(hits: hits, of: measured))
        }
        let byPriority = commitments.map { commitment in
            level(commitment.priority, records.filter { $0.1.priority == commitment.priority }, commitment: Double(commitment.seconds))
        }
        let dimensions = Array(Set(records.compactMap { $0.1.dimension })).sorted()
        let byDimension = dimensions.map { dimension in level(dimension, records.filter { $0.1.dimension == dimension }, commitment: nil) }
        let months = Array(Set(records.compactMap { $0.1.month })).sorted()
        let byMonth = months.count > 1 ? months.map { month in level(month, records.filter { $0.1.month == month }, commitment: nil) } : []
        var breaches: [ServiceBreach] = []
        for (path, record) in records {
            guard let response = record.responseSeconds, let priority = record.priority, let limit = committed[priority], response > limit else { continue }
            breaches.append(ServiceBreach(file: path, line: record.line, priority: priority, dimension: record.dimension, response: response, committed: limit))
        }
        breaches.sort { ($0.response / $0.committed, $1.file, $1.line) > ($1.response / $1.committed, $0.file, $0.line) }
        return ServiceResults(
            byPriority: byPriority, byDimension: byDimension, byMonth: byMonth, overall: level("all", records, commitment: nil),
            breaches: breaches, findings: files.flatMap(\.findings))
    }
}
