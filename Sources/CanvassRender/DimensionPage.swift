/// The values of a dimension's page (`pages/dimension.mustache`): its gap and verdict, the
/// distributions, breakdowns by attribute, persona and wave, competitors, the themes and excerpts
/// behind it, and the actions that address it.
struct DimensionPage: ViewModel {
    let actionLinks: [ActionLink]
    let dimension: DimensionView
    let distributionSVG: String
    let scalePoints: [ScalePoint]
    let distributions: [StatsRow]
    let breakdowns: [AttributeBreakdown]
    let personaGaps: [GapRow]
    let hasPersonas: Bool
    let hasWaves: Bool
    let trendSVG: String
    let waves: [GapRow]
    let competitorCharts: [CompetitorChart]
    let competitors: [CompetitorRow]
    let themes: [LabelLink]
    let excerpts: [ExcerptView]
    let moreExcerpts: String
    let hasExcerpts: Bool
    let excerptCount: String

    func child(named name: String) -> Any? {
        switch name {
        case "actionLinks": return actionLinks
        case "hasActionLinks": return !actionLinks.isEmpty
        case "dimension": return dimension
        case "distributionSVG": return distributionSVG
        case "scalePoints": return scalePoints
        case "distributions": return distributions
        case "breakdowns": return breakdowns
        case "hasBreakdowns": return !breakdowns.isEmpty
        case "hasPersonas": return hasPersonas
        case "personaGaps": return personaGaps
        case "hasWaves": return hasWaves
        case "trendSVG": return trendSVG
        case "waves": return waves
        case "hasCompetitors": return !competitors.isEmpty
        case "competitorCharts": return competitorCharts
        case "competitors": return competitors
        case "themes": return themes
        case "hasThemes": return !themes.isEmpty
        case "excerpts": return excerpts
        case "moreExcerpts": return moreExcerpts
        case "hasExcerpts": return hasExcerpts
        case "excerptCount": return excerptCount
        default: return nil
        }
    }

    var names: [String] {
        ["actionLinks", "breakdowns", "competitorCharts", "competitors", "dimension", "distributionSVG", "distributions", "excerptCount",
         "excerpts", "hasActionLinks", "hasBreakdowns", "hasCompetitors", "hasExcerpts", "hasPersonas", "hasThemes", "hasWaves",
         "moreExcerpts", "personaGaps", "scalePoints", "themes", "trendSVG", "waves"]
    }
}

/// The dimension itself: its gap with interval, t and p, and where it stands.
struct DimensionView: ViewModel {
    let label: String
    let gap: String
    let ci: String
    let n: String
    let p: String
    let tValue: String
    let small: Bool
    let shortfall: Bool
    let quadrant: String
    let verdict: String
    let weight: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "gap": return gap
        case "ci": return ci
        case "n": return n
        case "p": return p
        case "tValue": return tValue
        case "small": return small
        case "shortfall": return shortfall
        case "quadrant": return quadrant
        case "verdict": return verdict
        case "weight": return weight
        default: return nil
        }
    }

    var names: [String] { ["ci", "gap", "label", "n", "p", "quadrant", "shortfall", "small", "tValue", "verdict", "weight"] }
}

/// The gap by the values of one attribute.
struct AttributeBreakdown: ViewModel {
    let attribute: String
    let groups: [GapRow]

    func child(named name: String) -> Any? {
        switch name {
        case "attribute": return attribute
        case "groups": return groups
        default: return nil
        }
    }

    var names: [String] { ["attribute", "groups"] }
}

/// One competitor's chart, against us on every dimension compared.
struct CompetitorChart: ViewModel {
    let name: String
    let svg: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "svg": return svg
        default: return nil
        }
    }

    var names: [String] { ["name", "svg"] }
}

/// Our rating against a competitor's on one dimension, with the paired difference.
struct CompetitorRow: ViewModel {
    let name: String
    let n: String
    let ours: String
    let theirs: String
    let difference: String
    let ci: String
    let p: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "n": return n
        case "ours": return ours
        case "theirs": return theirs
        case "difference": return difference
        case "ci": return ci
        case "p": return p
        default: return nil
        }
    }

    var names: [String] { ["ci", "difference", "n", "name", "ours", "p", "theirs"] }
}
