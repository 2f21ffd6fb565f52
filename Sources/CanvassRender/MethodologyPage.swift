/// The values of the methodology page (`pages/methodology.mustache`): what the study holds, how
/// personas were found, and how the survey was sampled, weighted and analysed.
struct MethodologyPage: ViewModel {
    let notes: String
    let excerpts: String
    /// Nil without personas.
    let personas: PersonaMethod?
    /// Nil without surveys.
    let survey: SurveyMethod?

    func child(named name: String) -> Any? {
        switch name {
        case "hasSurveys": return survey != nil
        case "notes": return notes
        case "excerpts": return excerpts
        case "hasPersonas": return personas != nil
        case "personas": return personas
        case "survey": return survey
        default: return nil
        }
    }

    var names: [String] {
        ["excerpts", "hasPersonas", "hasSurveys", "notes"] + (personas == nil ? [] : ["personas"]) + (survey == nil ? [] : ["survey"])
    }
}

/// How the personas were found: method, attributes, k and seed, silhouette and stability.
struct PersonaMethod: ViewModel {
    let method: String
    let attributes: String
    let k: String
    let seed: String
    let hasSilhouette: Bool
    let silhouette: String
    let sample: String
    let hasStability: Bool
    let stability: String
    let runs: String
    let stabilityVerdict: String
    let byK: [KChoice]

    func child(named name: String) -> Any? {
        switch name {
        case "method": return method
        case "attributes": return attributes
        case "k": return k
        case "seed": return seed
        case "hasSilhouette": return hasSilhouette
        case "silhouette": return silhouette
        case "sample": return sample
        case "hasStability": return hasStability
        case "stability": return stability
        case "runs": return runs
        case "stabilityVerdict": return stabilityVerdict
        case "hasByK": return !byK.isEmpty
        case "byK": return byK
        default: return nil
        }
    }

    var names: [String] {
        ["attributes", "byK", "hasByK", "hasSilhouette", "hasStability", "k", "method", "runs", "sample", "seed", "silhouette",
         "stability", "stabilityVerdict"]
    }
}

/// A number of personas tried, its silhouette, and whether it was chosen.
struct KChoice: ViewModel {
    let k: String
    let value: String
    let chosen: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "k": return k
        case "value": return value
        case "chosen": return chosen
        default: return nil
        }
    }

    var names: [String] { ["chosen", "k", "value"] }
}

/// How the survey was sampled and analysed: respondents, scale, waves, weights, files, exclusions
/// and dimensions, with links to the pages that follow from it.
struct SurveyMethod: ViewModel {
    let respondents: String
    let inFiles: String
    let scale: String
    let weights: String
    let waves: [WaveCount]
    let respondentWeights: String
    /// Each nil when the study has no such page.
    let monitoring: LinkTarget?
    let actions: LinkTarget?
    let targeting: TargetingLink?
    let files: [FileRows]
    let excluded: String
    let dimensions: [DimensionShare]

    func child(named name: String) -> Any? {
        switch name {
        case "respondents": return respondents
        case "inFiles": return inFiles
        case "scale": return scale
        case "weights": return weights
        case "waves": return waves
        case "hasWaves": return !waves.isEmpty
        case "respondentWeights": return respondentWeights
        case "monitoring": return monitoring.map { $0 as Any } ?? false
        case "actions": return actions.map { $0 as Any } ?? false
        case "targeting": return targeting.map { $0 as Any } ?? false
        case "files": return files
        case "excluded": return excluded
        case "dimensions": return dimensions
        default: return nil
        }
    }

    var names: [String] {
        ["actions", "dimensions", "excluded", "files", "hasWaves", "inFiles", "monitoring", "respondentWeights", "respondents", "scale",
         "targeting", "waves", "weights"]
    }
}

/// A wave and its respondents.
struct WaveCount: ViewModel {
    let wave: String
    let n: String

    func child(named name: String) -> Any? {
        switch name {
        case "wave": return wave
        case "n": return n
        default: return nil
        }
    }

    var names: [String] { ["n", "wave"] }
}

/// Where a page is, for a sentence that links to it.
struct LinkTarget: ViewModel {
    let href: String

    func child(named name: String) -> Any? { name == "href" ? href : nil }
    var names: [String] { ["href"] }
}

/// The targets page, and the weights its scores use.
struct TargetingLink: ViewModel {
    let weights: String
    let href: String

    func child(named name: String) -> Any? {
        switch name {
        case "weights": return weights
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { ["href", "weights"] }
}

/// A survey file and its rows.
struct FileRows: ViewModel {
    let file: String
    let rows: String

    func child(named name: String) -> Any? {
        switch name {
        case "file": return file
        case "rows": return rows
        default: return nil
        }
    }

    var names: [String] { ["file", "rows"] }
}

/// A dimension's respondents and its weight in the overall gap.
struct DimensionShare: ViewModel {
    let label: String
    let n: String
    let weight: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "n": return n
        case "weight": return weight
        default: return nil
        }
    }

    var names: [String] { ["label", "n", "weight"] }
}
