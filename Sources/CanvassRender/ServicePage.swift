/// The values of the service-levels page (`pages/service.mustache`): levels overall and by
/// priority, dimension and month, the worst breaches, and the records that could not be read.
struct ServicePage: ViewModel {
    let overall: ServiceRow
    /// "" when no priority has a commitment.
    let chartSVG: String
    let priorities: [ServiceRow]
    let dimensions: [ServiceRow]
    let months: [ServiceRow]
    let breaches: [BreachRow]
    let breachCount: String
    let findings: [ServiceFinding]

    func child(named name: String) -> Any? {
        switch name {
        case "overall": return overall
        case "chartSVG": return chartSVG
        case "priorities": return priorities
        case "dimensions": return dimensions
        case "hasDimensions": return !dimensions.isEmpty
        case "months": return months
        case "hasMonths": return !months.isEmpty
        case "breaches": return breaches
        case "breachCount": return breachCount
        case "hasBreaches": return !breaches.isEmpty
        case "findings": return findings
        case "hasFindings": return !findings.isEmpty
        default: return nil
        }
    }

    var names: [String] {
        ["breachCount", "breaches", "chartSVG", "dimensions", "findings", "hasBreaches", "hasDimensions", "hasFindings", "hasMonths",
         "months", "overall", "priorities"]
    }
}

/// A service level as a row: the commitment, how many records, response and resolution times,
/// and the share answered within the commitment with its interval.
struct ServiceRow: ViewModel {
    let label: String
    let committed: String
    let records: String
    let responded: String
    let median: String
    let p90: String
    let resolutionMedian: String
    let resolutionP90: String
    let within: String
    let withinCI: String
    let withinValue: String
    let breached: Bool
    let small: Bool
    /// The page of what the row is about (a dimension), when it has one.
    let href: String?

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "committed": return committed
        case "records": return records
        case "responded": return responded
        case "median": return median
        case "p90": return p90
        case "resolutionMedian": return resolutionMedian
        case "resolutionP90": return resolutionP90
        case "within": return within
        case "withinCI": return withinCI
        case "withinValue": return withinValue
        case "breached": return breached
        case "small": return small
        case "href": return href
        default: return nil
        }
    }

    var names: [String] {
        ["breached", "committed"] + (href == nil ? [] : ["href"])
            + ["label", "median", "p90", "records", "resolutionMedian", "resolutionP90", "responded", "small", "within", "withinCI", "withinValue"]
    }
}

/// A record answered later than committed: where it is, and by how much.
struct BreachRow: ViewModel {
    let place: String
    let priority: String
    let dimension: String
    let response: String
    let committed: String
    let over: String

    func child(named name: String) -> Any? {
        switch name {
        case "place": return place
        case "priority": return priority
        case "dimension": return dimension
        case "response": return response
        case "committed": return committed
        case "over": return over
        default: return nil
        }
    }

    var names: [String] { ["committed", "dimension", "over", "place", "priority", "response"] }
}

/// A record that could not be read as it stands: where, which column, what kind of problem.
struct ServiceFinding: ViewModel {
    let place: String
    let row: String
    let column: String
    let kind: String
    let value: String
    let message: String

    func child(named name: String) -> Any? {
        switch name {
        case "place": return place
        case "row": return row
        case "column": return column
        case "kind": return kind
        case "value": return value
        case "message": return message
        default: return nil
        }
    }

    var names: [String] { ["column", "kind", "message", "place", "row", "value"] }
}
