/// The values of the data-quality page (`pages/quality.mustache`): findings by kind and one by
/// one, what was excluded, how the sample is weighted, and the missing answers per column.
struct QualityPage: ViewModel {
    let summary: [LabeledCount]
    let excluded: String
    let findings: [FindingRow]
    /// Nil when the survey is not weighted.
    let weighting: WeightingView?
    let missing: [MissingRow]

    func child(named name: String) -> Any? {
        switch name {
        case "summary": return summary
        case "excluded": return excluded
        case "findings": return findings
        case "hasFindings": return !findings.isEmpty
        case "weighting": return weighting.map { $0 as Any } ?? false
        case "missing": return missing
        default: return nil
        }
    }

    var names: [String] { ["excluded", "findings", "hasFindings", "missing", "summary", "weighting"] }
}

/// A finding of the quality checks, at its place in the survey file.
struct FindingRow: ViewModel {
    let place: String
    let row: String
    let column: String
    let kind: String
    let value: String
    let respondent: String
    let message: String

    func child(named name: String) -> Any? {
        switch name {
        case "place": return place
        case "row": return row
        case "column": return column
        case "kind": return kind
        case "value": return value
        case "respondent": return respondent
        case "message": return message
        default: return nil
        }
    }

    var names: [String] { ["column", "kind", "message", "place", "respondent", "row", "value"] }
}

/// A column's empty answers out of all, as a rate and a bar.
struct MissingRow: ViewModel {
    let file: String
    let column: String
    let empty: String
    let total: String
    let rate: String
    let width: String

    func child(named name: String) -> Any? {
        switch name {
        case "file": return file
        case "column": return column
        case "empty": return empty
        case "total": return total
        case "rate": return rate
        case "width": return width
        default: return nil
        }
    }

    var names: [String] { ["column", "empty", "file", "rate", "total", "width"] }
}

/// How representative the sample is and what weighting does: the method, the weights' summary
/// and trimming, every margin against its population, and the headline figures both ways.
struct WeightingView: ViewModel {
    let method: String
    let summary: String
    let trimmed: String
    let margins: [MarginView]
    let figures: [FigureComparison]

    func child(named name: String) -> Any? {
        switch name {
        case "method": return method
        case "summary": return summary
        case "trimmed": return trimmed
        case "margins": return margins
        case "hasMargins": return !margins.isEmpty
        case "figures": return figures
        default: return nil
        }
    }

    var names: [String] { ["figures", "hasMargins", "margins", "method", "summary", "trimmed"] }
}

/// A weighting margin: the attribute, its chi-square test against the population, its cells.
struct MarginView: ViewModel {
    let attribute: String
    let test: String
    let cells: [MarginCell]

    func child(named name: String) -> Any? {
        switch name {
        case "attribute": return attribute
        case "test": return test
        case "cells": return cells
        default: return nil
        }
    }

    var names: [String] { ["attribute", "cells", "test"] }
}

/// A value of a margin: its share of the sample, of the population and after weighting.
struct MarginCell: ViewModel {
    let value: String
    let count: String
    let sample: String
    let population: String
    let difference: String
    let weighted: String
    let flagged: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "value": return value
        case "count": return count
        case "sample": return sample
        case "population": return population
        case "difference": return difference
        case "weighted": return weighted
        case "flagged": return flagged
        default: return nil
        }
    }

    var names: [String] { ["count", "difference", "flagged", "population", "sample", "value", "weighted"] }
}

/// A headline figure with the respondents' weights and without.
struct FigureComparison: ViewModel {
    let label: String
    let weighted: String
    let unweighted: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "weighted": return weighted
        case "unweighted": return unweighted
        default: return nil
        }
    }

    var names: [String] { ["label", "unweighted", "weighted"] }
}
