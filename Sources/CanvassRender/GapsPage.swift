/// The values of the gaps overview (`pages/gaps.mustache`): the overall gap, the dumbbell and
/// importance–performance charts, the table of dimensions, the trend by wave, the rating
/// questions and Kano.
struct GapsPage: ViewModel {
    let overall: OverallGap
    let respondents: String
    let dumbbellSVG: String
    let ipaSVG: String
    let crosshair: String
    let dimensions: [GapRow]
    let trendSVG: String
    let waves: [WaveRow]
    let ratingsSVG: String
    let ratingPoints: [ScalePoint]
    let ratings: [StatsRow]
    let kano: [KanoRow]
    let kanoCategories: [KanoCategoryView]

    func child(named name: String) -> Any? {
        switch name {
        case "overall": return overall
        case "respondents": return respondents
        case "dumbbellSVG": return dumbbellSVG
        case "ipaSVG": return ipaSVG
        case "hasIPA": return !ipaSVG.isEmpty
        case "crosshair": return crosshair
        case "dimensions": return dimensions
        case "hasTrend": return !trendSVG.isEmpty
        case "trendSVG": return trendSVG
        case "waves": return waves
        case "hasRatings": return !ratings.isEmpty
        case "ratingsSVG": return ratingsSVG
        case "ratingPoints": return ratingPoints
        case "ratings": return ratings
        case "hasKano": return !kano.isEmpty
        case "kano": return kano
        case "kanoCategories": return kanoCategories
        default: return nil
        }
    }

    var names: [String] {
        ["crosshair", "dimensions", "dumbbellSVG", "hasIPA", "hasKano", "hasRatings", "hasTrend", "ipaSVG", "kano", "kanoCategories",
         "overall", "ratingPoints", "ratings", "ratingsSVG", "respondents", "trendSVG", "waves"]
    }
}

/// The overall gap, with and without the dimensions' weights, and where the weights come from.
struct OverallGap: ViewModel {
    let unweighted: String
    let weighted: String
    let weights: String

    func child(named name: String) -> Any? {
        switch name {
        case "unweighted": return unweighted
        case "weighted": return weighted
        case "weights": return weights
        default: return nil
        }
    }

    var names: [String] { ["unweighted", "weighted", "weights"] }
}

/// A paired gap as a table row: n, the mean gap (and its raw value for sorting), its interval and
/// p, flags for a small sample and a shortfall. A row of the dimensions table also has the
/// dimension's measures and a link; a persona's row the overall gap to compare with.
struct GapRow: ViewModel {
    let label: String
    let n: String
    let gap: String
    let gapValue: String
    let ci: String
    let p: String
    let small: Bool
    let shortfall: Bool
    var href: String?
    var overall: String?
    var measures: DimensionMeasures?

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "n": return n
        case "gap": return gap
        case "gapValue": return gapValue
        case "ci": return ci
        case "p": return p
        case "small": return small
        case "shortfall": return shortfall
        case "href": return href
        case "overall": return overall
        default: return measures?.child(named: name)
        }
    }

    var names: [String] {
        (["ci", "gap", "gapValue", "label", "n", "p", "shortfall", "small"] + (href == nil ? [] : ["href"])
            + (overall == nil ? [] : ["overall"]) + (measures?.names ?? [])).sorted()
    }

    /// The row linking to a page.
    func linking(to href: String) -> GapRow {
        var row = self
        row.href = href
        return row
    }
}

/// What the dimensions table shows of a dimension besides its gap.
struct DimensionMeasures: ViewModel {
    let expectation: String
    let perception: String
    let importance: String
    let quadrant: String
    let verdict: String
    let weight: String
    let weightValue: String

    func child(named name: String) -> Any? {
        switch name {
        case "expectation": return expectation
        case "perception": return perception
        case "importance": return importance
        case "quadrant": return quadrant
        case "verdict": return verdict
        case "weight": return weight
        case "weightValue": return weightValue
        default: return nil
        }
    }

    var names: [String] { ["expectation", "importance", "perception", "quadrant", "verdict", "weight", "weightValue"] }
}

/// A rating's descriptives as a table row, with the count of every scale point.
struct StatsRow: ViewModel {
    let label: String
    let n: String
    let mean: String
    let sd: String
    let ci: String
    let small: Bool
    let counts: [CountCell]

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "n": return n
        case "mean": return mean
        case "sd": return sd
        case "ci": return ci
        case "small": return small
        case "counts": return counts
        default: return nil
        }
    }

    var names: [String] { ["ci", "counts", "label", "mean", "n", "sd", "small"] }
}

/// One count of a row of counts (a scale point's, a Kano category's).
struct CountCell: ViewModel {
    let value: String

    func child(named name: String) -> Any? { name == "value" ? value : nil }
    var names: [String] { ["value"] }
}

/// A point of the rating scale, as a column heading.
struct ScalePoint: ViewModel {
    let point: String

    func child(named name: String) -> Any? { name == "point" ? point : nil }
    var names: [String] { ["point"] }
}

/// A wave of the trend table: its overall gap, NPS and CSAT and each one's change from the wave
/// before (`–` for the first).
struct WaveRow: ViewModel {
    let wave: String
    let n: String
    let gap: String
    let gapChange: String
    let nps: String
    let npsMoe: String
    let npsChange: String
    let csat: String
    let csatChange: String

    func child(named name: String) -> Any? {
        switch name {
        case "wave": return wave
        case "n": return n
        case "gap": return gap
        case "gapChange": return gapChange
        case "nps": return nps
        case "npsMoe": return npsMoe
        case "npsChange": return npsChange
        case "csat": return csat
        case "csatChange": return csatChange
        default: return nil
        }
    }

    var names: [String] { ["csat", "csatChange", "gap", "gapChange", "n", "nps", "npsChange", "npsMoe", "wave"] }
}

/// A Kano feature: its category, the better and worse coefficients, and (on the gaps page) the
/// count of answers in every category.
struct KanoRow: ViewModel {
    let feature: String
    let n: String
    let category: String
    let better: String
    let worse: String
    var counts: [CountCell]?

    func child(named name: String) -> Any? {
        switch name {
        case "feature": return feature
        case "n": return n
        case "category": return category
        case "better": return better
        case "worse": return worse
        case "counts": return counts
        default: return nil
        }
    }

    var names: [String] { ["better", "category"] + (counts == nil ? [] : ["counts"]) + ["feature", "n", "worse"] }
}

/// A Kano category as a column heading: its letter and its name.
struct KanoCategoryView: ViewModel {
    let label: String
    let title: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "title": return title
        default: return nil
        }
    }

    var names: [String] { ["label", "title"] }
}
