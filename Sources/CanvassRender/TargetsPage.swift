/// The values of the targets page (`pages/targets.mustache`): the recommendation in words, the
/// weights, and the chart and table of personas and of segments.
struct TargetsPage: ViewModel {
    let recommendation: Recommendation
    let weights: String
    let weighted: Bool
    /// Nil when there are no candidates of the kind.
    let personas: TargetTable?
    let segments: TargetTable?
    let segmentsLead: String

    func child(named name: String) -> Any? {
        switch name {
        case "recommendation": return recommendation
        case "weights": return weights
        case "weighted": return weighted
        case "personas": return personas.map { $0 as Any } ?? false
        case "segments": return segments.map { $0 as Any } ?? false
        case "segmentsLead": return segmentsLead
        default: return nil
        }
    }

    var names: [String] { ["personas", "recommendation", "segments", "segmentsLead", "weighted", "weights"] }
}

/// The chart and table of one kind of candidate, with the criteria the study measures.
struct TargetTable: ViewModel {
    let svg: String
    let rows: [TargetRow]
    let caption: String
    let valueLabel: String?
    let reachLabel: String?
    let growthLabel: String?
    let href: String
    /// For the `{target-segments}` block: the recommendation when it is of this kind (`false`
    /// when it is not); nil on the targets page, which shows it once above both tables.
    var recommendation: Recommendation??

    func child(named name: String) -> Any? {
        switch name {
        case "svg": return svg
        case "hasChart": return !svg.isEmpty
        case "rows": return rows
        case "caption": return caption
        case "hasValue": return valueLabel != nil
        case "valueLabel": return valueLabel ?? ""
        case "hasReach": return reachLabel != nil
        case "reachLabel": return reachLabel ?? ""
        case "hasGrowth": return growthLabel != nil
        case "growthLabel": return growthLabel ?? ""
        case "href": return href
        case "recommendation":
            switch recommendation {
            case nil: return nil
            case .some(nil): return false
            case .some(let recommendation?): return recommendation
            }
        default: return nil
        }
    }

    var names: [String] {
        ["caption", "growthLabel", "hasChart", "hasGrowth", "hasReach", "hasValue", "href", "reachLabel"]
            + (recommendation == nil ? [] : ["recommendation"]) + ["rows", "svg", "valueLabel"]
    }
}

/// A candidate as a row: rank, size, shortfall, the measured criteria and the score.
struct TargetRow: ViewModel {
    let rank: String
    let rankValue: String
    let name: String
    let href: String
    let hasHref: Bool
    let n: String
    let small: Bool
    let size: String
    let sizeValue: String
    let sizeCI: String
    let gap: String
    let gapValue: String
    let gapCI: String
    let shortfall: Bool
    let uncertain: Bool
    let value: Amount
    let reach: Amount
    let growth: Amount
    let score: String
    let scoreValue: String
    let notScored: Bool
    let recommended: Bool

    /// A mean of a criterion's attribute, with its interval and the number for sorting.
    struct Amount: ViewModel {
        let text: String
        let ci: String
        let value: String

        func child(named name: String) -> Any? {
            switch name {
            case "text": return text
            case "ci": return ci
            case "value": return value
            default: return nil
            }
        }

        var names: [String] { ["ci", "text", "value"] }
    }

    func child(named key: String) -> Any? {
        switch key {
        case "rank": return rank
        case "rankValue": return rankValue
        case "name": return name
        case "href": return href
        case "hasHref": return hasHref
        case "n": return n
        case "small": return small
        case "size": return size
        case "sizeValue": return sizeValue
        case "sizeCI": return sizeCI
        case "gap": return gap
        case "gapValue": return gapValue
        case "gapCI": return gapCI
        case "shortfall": return shortfall
        case "uncertain": return uncertain
        case "value": return value
        case "reach": return reach
        case "growth": return growth
        case "score": return score
        case "scoreValue": return scoreValue
        case "notScored": return notScored
        case "recommended": return recommended
        default: return nil
        }
    }

    var names: [String] {
        ["gap", "gapCI", "gapValue", "growth", "hasHref", "href", "n", "name", "notScored", "rank", "rankValue", "reach", "recommended",
         "score", "scoreValue", "shortfall", "size", "sizeCI", "sizeValue", "small", "uncertain", "value"]
    }
}

/// The primary and secondary targets with their reasons, or why there is none; which candidate
/// each criterion alone would pick.
struct Recommendation: ViewModel {
    let primary: Pick?
    let secondary: Pick?
    let none: String
    /// Said when the two scores are within 0.05 of each other.
    let close: String?
    let alone: [String]

    /// A recommended candidate: the heading, its link, its score line, reasons and cautions.
    struct Pick: ViewModel {
        let heading: String
        let href: String?
        let score: String
        let reasons: [String]
        let cautions: [String]

        func child(named name: String) -> Any? {
            switch name {
            case "heading": return heading
            case "href": return href ?? ""
            case "hasHref": return href != nil
            case "score": return score
            case "reasons": return reasons
            case "cautions": return cautions
            default: return nil
            }
        }

        var names: [String] { ["cautions", "hasHref", "heading", "href", "reasons", "score"] }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "hasPrimary": return primary != nil
        case "primary": return primary
        case "secondary": return secondary
        case "none": return none
        case "close": return close.map { $0 as Any } ?? false
        case "alone": return alone.map(Line.init)
        case "hasAlone": return !alone.isEmpty
        default: return nil
        }
    }

    var names: [String] {
        ["alone", "close", "hasAlone", "hasPrimary", "none"] + (primary == nil ? [] : ["primary"]) + (secondary == nil ? [] : ["secondary"])
    }

    /// A line of text, read as `text`.
    struct Line: ViewModel {
        let text: String

        func child(named name: String) -> Any? { name == "text" ? text : nil }
        var names: [String] { ["text"] }
    }
}
