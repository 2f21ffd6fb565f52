import Foundation
import CanvassCore

/// Loads and validates `canvass.yml` (SPEC §2).
///
/// Validates the whole file, including sections later stages consume, so a typo anywhere is
/// reported at once. Column names inside CSV files are checked when the CSV is read.
struct ConfigLoader {
    static let topLevelKeys = [
        "title", "language", "baseURL", "scale", "dimensions", "surveys", "breakdowns", "personas",
        "commitments", "records", "profile", "markdown", "quality", "labels", "weighting",
        "targeting", "targets", "asOf",
    ]

    let reader: YAMLReader

    init(file: SourceFile) {
        reader = YAMLReader(file: file)
    }

    /// The config, or nil when it is too broken to build from; diagnostics either way.
    func load() -> (ProjectConfig?, [Diagnostic]) {
        guard let root = reader.parse(reader.file.text) else {
            if reader.diagnostics.isEmpty {
                return (nil, [reader.file.diagnostic(.error, "canvass.yml is empty", line: 1, column: 1, hint: "it needs at least `title: \"My study\"`")])
            }
            return (nil, reader.diagnostics)
        }
        guard let fields = reader.fields(root, "canvass.yml", allowed: Self.topLevelKeys) else {
            return (nil, reader.diagnostics)
        }
        guard let title = fields.string("title"), !title.trimmingSpaces().isEmpty else {
            if fields["title"] == nil {
                let diagnostic = reader.file.diagnostic(
                    .error, "canvass.yml has no `title`", line: 1, column: 1,
                    hint: "add a line such as `title: \"Clinic software — customer insight\"`")
                return (nil, reader.diagnostics + [diagnostic])
            }
            if let node = fields["title"] { reader.error("`title` must not be empty", at: node) }
            return (nil, reader.diagnostics)
        }
        var config = ProjectConfig(title: title)
        if let node = fields["language"], let language = reader.choice(node, "`language`", as: Language.self) {
            config.language = language
        }
        if let baseURL = fields.string("baseURL") { config.baseURL = baseURL }
        if let node = fields["scale"], let scale = readScale(node, "`scale`") { config.scale = scale }
        if let node = fields["dimensions"] { config.dimensions = readDimensions(node) }
        if let node = fields["profile"], let profile = reader.choice(node, "`profile`", as: Profile.self) {
            config.profile = profile
        }
        if let node = fields["markdown"], let markdown = reader.fields(node, "`markdown`", allowed: ["unsafe"]) {
            config.markdown.unsafe = markdown.bool("unsafe") ?? false
        }
        if let node = fields["quality"], let quality = reader.fields(node, "`quality`", allowed: ["exclude"]),
           let list = quality["exclude"], let items = reader.sequence(list, "`quality.exclude`") {
            config.quality.exclude = items.compactMap { reader.choice($0, "an entry of `quality.exclude`", as: QualityConfig.Exclusion.self) }
        }
        if let node = fields["surveys"], let items = reader.sequence(node, "`surveys`") {
            config.surveys = items.compactMap { readSurvey($0, defaultScale: config.scale, dimensions: config.dimensions) }
        }
        if let node = fields["breakdowns"], let names = reader.strings(node, "`breakdowns`") {
            config.breakdowns = names
            checkAttributes(names, at: node, key: "breakdowns", surveys: config.surveys)
        }
        if let node = fields["weighting"] { config.weighting = readWeighting(node, surveys: config.surveys) }
        if let node = fields["targets"] { config.targets = readTargets(node, config: config) }
        if let node = fields["asOf"], let text = reader.string(node, "`asOf`") {
            if let date = CalendarDate(text) { config.asOf = date } else {
                reader.error("`asOf` must be a date written YYYY-MM-DD, not `\(text)`", at: node, hint: "the day the report speaks for, e.g. asOf: 2026-12-10")
            }
        }
        if let node = fields["targeting"] { config.targeting = readTargeting(node, surveys: config.surveys, breakdowns: config.breakdowns, hasPersonas: fields["personas"] != nil) }
        if let node = fields["labels"] { config.labels = readLabels(node, language: config.language, surveys: config.surveys) }
        if let node = fields["personas"] { config.personas = readPersonas(node, surveys: config.surveys) }
        if let node = fields["commitments"] { config.commitments = readCommitments(node) }
        if let node = fields["records"], let items = reader.sequence(node, "`records`") {
            config.records = items.compactMap { readRecords($0) }
        }
        return (config, reader.diagnostics)
    }

    // MARK: - Sections

    func readScale(_ node: YAMLNode, _ what: String) -> RatingScale? {
        guard let fields = reader.fields(node, what, allowed: ["min", "max"]) else { return nil }
        guard let min = fields.int("min"), let max = fields.int("max") else {
            reader.error("\(what) needs whole-number `min` and `max`", at: node, hint: "e.g. scale: {min: 1, max: 7}")
            return nil
        }
        guard min < max else {
            reader.error("\(what) must have `min` below `max`", at: node)
            return nil
        }
        return RatingScale(min: min, max: max)
    }

    func readDimensions(_ node: YAMLNode) -> [CanvassCore.Dimension] {
        guard let items = reader.sequence(node, "`dimensions`") else { return [] }
        var dimensions: [CanvassCore.Dimension] = []
        for item in items {
            guard let fields = reader.fields(item, "a dimension", allowed: ["id", "label", "weight"]) else { continue }
            guard let node = fields["id"] else {
                reader.error("a dimension needs an `id`", at: item, hint: "e.g. - {id: price, label: \"Price\", weight: 15}")
                continue
            }
            guard let id = reader.identifier(node, "dimension id") else { continue }
            if dimensions.contains(where: { $0.id == id }) {
                reader.error("dimension `\(id)` is defined twice", at: item)
                continue
            }
            let weight = fields.number("weight")
            if let weight, weight < 0, let node = fields["weight"] {
                reader.error("a dimension's `weight` must not be negative", at: node)
            }
            dimensions.append(CanvassCore.Dimension(id: id, label: fields.string("label") ?? id, weight: weight))
        }
        return dimensions
    }

    /// `labels:` maps an attribute, `attribute.value` or rating column to text, or to text per
    /// language (`{en: Plan, zh-Hans: 套餐}`); the site's language is kept, falling back to `en`.
    func readLabels(_ node: YAMLNode, language: Language, surveys: [SurveyConfig]) -> [String: String] {
        guard let entries = reader.mapping(node, "`labels`") else { return [:] }
        let attributes = Set(surveys.flatMap { $0.attributes.map(\.name) })
        let questions = Set(surveys.flatMap(\.ratings))
        let known = attributes.union(questions)
        var labels: [String: String] = [:]
        for entry in entries {
            let name = entry.key.split(separator: ".", maxSplits: 1).first.map(String.init) ?? entry.key
            if !surveys.isEmpty, !known.contains(name) {
                reader.error(
                    "`labels` names `\(name)`, which is neither a survey attribute nor a rating question", at: entry.keyNode,
                    hint: Suggestion.didYouMean(name, in: known) ?? "label an attribute (`plan`), a value (`plan.basic`) or a column under `ratings`")
                continue
            }
            if entry.key.contains("."), !surveys.isEmpty, !attributes.contains(name) {
                reader.error("`labels.\(entry.key)` labels a value, but `\(name)` is not an attribute", at: entry.keyNode,
                             hint: "values are labelled as `attribute.value`, e.g. `plan.basic`")
                continue
            }
            if case .mapping = entry.value {
                guard let fields = reader.fields(entry.value, "`labels.\(entry.key)`", allowed: Language.allCases.map(\.rawValue)) else { continue }
                guard let text = fields.string(language.rawValue) ?? fields.string(Language.english.rawValue) else {
                    let wanted = language == .english ? "`en`" : "`\(language.rawValue)` or `en`"
                    reader.error("`labels.\(entry.key)` has no text for \(wanted)", at: entry.value,
                                 hint: "e.g. \(entry.key): {en: \"…\", zh-Hans: \"…\"}")
                    continue
                }
                labels[entry.key] = text
            } else if let text = reader.string(entry.value, "`labels.\(entry.key)`") {
                labels[entry.key] = text
            }
        }
        return labels
    }

    func readCommitments(_ node: YAMLNode) -> [Commitment] {
        guard let entries = reader.mapping(node, "`commitments`") else { return [] }
        return entries.compactMap { entry in
            guard let text = reader.string(entry.value, "commitment `\(entry.key)`") else { return nil }
            guard let seconds = Commitment.seconds(from: text) else {
                reader.error(
                    "commitment `\(entry.key)` must be a duration like 30m, 4h or 3d, not `\(text)`", at: entry.value)
                return nil
            }
            return Commitment(priority: entry.key, seconds: seconds, text: text)
        }
    }

    func readRecords(_ node: YAMLNode) -> RecordsConfig? {
        let keys = ["priority", "opened", "responded", "resolved", "dimension"] + Self.rowSourceKeys
        guard let fields = reader.fields(node, "a `records` entry", allowed: keys) else { return nil }
        guard let (file, database) = readRowSource(fields, node, what: "a `records` entry", example: "records/tickets.csv") else { return nil }
        var records = RecordsConfig(file: file)
        records.database = database
        records.priority = fields.string("priority")
        records.opened = fields.string("opened")
        records.responded = fields.string("responded")
        records.resolved = fields.string("resolved")
        records.dimension = fields.string("dimension")
        records.location = reader.location(of: fields["postgres"] ?? fields["file"] ?? node)
        return records
    }

    /// Content paths must stay inside `content/`.
    func checkContentPath(_ path: String, at node: YAMLNode) {
        let parts = path.split(separator: "/")
        if path.hasPrefix("/") || parts.contains("..") {
            reader.error("`\(path)` points outside the project's content/ folder", at: node, hint: "paths are relative to content/, e.g. surveys/2026-q3.csv")
        }
    }

    /// Attributes named in `breakdowns` or `personas.attributes` must be mapped by some survey.
    func checkAttributes(_ names: [String], at node: YAMLNode, key: String, surveys: [SurveyConfig]) {
        guard !surveys.isEmpty else { return }
        let known = Set(surveys.flatMap { $0.attributes.map(\.name) })
        let entries: [YAMLNode]
        if case .sequence(let sequence, _) = node { entries = sequence } else { entries = [node] }
        for (index, name) in names.enumerated() where !known.contains(name) {
            reader.error(
                "`\(key)` names attribute `\(name)`, which no survey maps under `attributes`",
                at: index < entries.count ? entries[index] : node,
                hint: Suggestion.didYouMean(name, in: known) ?? "add it to a survey's `attributes`")
        }
    }
}
