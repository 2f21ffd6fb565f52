import CanvassCore

extension ConfigLoader {
    static let surveyKeys = [
        "id", "wave", "waveColumn", "scale", "pairs", "ratings", "nps", "csat", "attributes",
        "text", "duration", "weight", "competitors", "kano", "kpis",
    ] + rowSourceKeys

    func readSurvey(_ node: YAMLNode, defaultScale: RatingScale, dimensions: [CanvassCore.Dimension]) -> SurveyConfig? {
        guard let fields = reader.fields(node, "a survey", allowed: Self.surveyKeys) else { return nil }
        // Read from a file under content/, or from the PostgreSQL database whose connection string
        // an environment variable holds (never the repository): `$NAME` is how messages name it.
        guard let (file, database) = readRowSource(fields, node, what: "a survey", example: "surveys/2026-q3.csv") else { return nil }
        guard let idColumn = fields.string("id") else {
            reader.error("survey `\(file)` needs `id`: the column holding each respondent's id", at: node)
            return nil
        }
        var survey = SurveyConfig(file: file, idColumn: idColumn)
        survey.location = reader.location(of: fields["postgres"] ?? fields["file"] ?? node)
        survey.database = database
        if let wave = fields.string("wave") { survey.wave = .fixed(wave) }
        if let column = fields.string("waveColumn") {
            if survey.wave != nil, let node = fields["waveColumn"] {
                reader.error("a survey takes `wave` or `waveColumn`, not both", at: node)
            }
            survey.wave = .column(column)
        }
        if let node = fields["scale"] { survey.scale = readScale(node, "the survey's `scale`") }
        if let node = fields["pairs"] { survey.pairs = readPairs(node, dimensions: dimensions) }
        survey.ratings = fields.strings("ratings") ?? []
        survey.nps = fields.string("nps")
        if let node = fields["csat"] { survey.csat = readCSAT(node) }
        if let node = fields["attributes"], let entries = reader.mapping(node, "`attributes`") {
            // An attribute with a bad kind is reported and kept as a category, so later
            // references to it do not cascade into errors of their own; the build fails anyway.
            survey.attributes = entries.map { entry in
                let kind = reader.choice(entry.value, "attribute `\(entry.key)`", as: SurveyConfig.AttributeKind.self)
                return SurveyConfig.Attribute(name: entry.key, kind: kind ?? .category)
            }
        }
        survey.text = fields.strings("text") ?? []
        survey.duration = fields.string("duration")
        survey.weight = fields.string("weight")
        if let node = fields["competitors"] { survey.competitors = readCompetitors(node, dimensions: dimensions) }
        if let node = fields["kano"] { survey.kano = readKano(node) }
        if let node = fields["kpis"] { survey.kpis = readKPIs(node, scale: survey.scale ?? defaultScale) }
        return survey
    }

    private func readPairs(_ node: YAMLNode, dimensions: [CanvassCore.Dimension]) -> [SurveyConfig.Pair] {
        guard let entries = reader.mapping(node, "`pairs`") else { return [] }
        let known = dimensions.map(\.id)
        return entries.compactMap { entry in
            if !known.contains(entry.key) {
                reader.error(
                    "`pairs` names dimension `\(entry.key)`, which `dimensions` does not define", at: entry.keyNode,
                    hint: Suggestion.didYouMean(entry.key, in: known) ?? "known dimensions: \(known.joined(separator: ", "))")
                return nil
            }
            guard let pair = reader.fields(entry.value, "pair `\(entry.key)`", allowed: ["expectation", "perception", "importance"]) else { return nil }
            guard let expectation = pair.string("expectation"), let perception = pair.string("perception") else {
                reader.error("pair `\(entry.key)` needs both `expectation` and `perception` columns", at: entry.value)
                return nil
            }
            return SurveyConfig.Pair(dimension: entry.key, expectation: expectation, perception: perception, importance: pair.string("importance"))
        }
    }

    private func readCSAT(_ node: YAMLNode) -> SurveyConfig.CSAT? {
        guard let fields = reader.fields(node, "`csat`", allowed: ["column", "scale", "top"]) else { return nil }
        guard let column = fields.string("column") else {
            reader.error("`csat` needs a `column`", at: node)
            return nil
        }
        let scale = fields["scale"].flatMap { readScale($0, "`csat.scale`") } ?? RatingScale(min: 1, max: 5)
        let top = fields.int("top") ?? 2
        if top < 1 || top > scale.max - scale.min + 1 {
            reader.error("`csat.top` must be between 1 and the number of scale points", at: fields["top"] ?? node)
        }
        return SurveyConfig.CSAT(column: column, scale: scale, top: top)
    }

    private func readCompetitors(_ node: YAMLNode, dimensions: [CanvassCore.Dimension]) -> [SurveyConfig.Competitor] {
        guard let entries = reader.mapping(node, "`competitors`") else { return [] }
        let known = dimensions.map(\.id)
        return entries.compactMap { entry in
            guard let columns = reader.mapping(entry.value, "competitor `\(entry.key)`") else { return nil }
            var map: [String: String] = [:]
            for column in columns {
                if !known.contains(column.key) {
                    reader.error(
                        "competitor `\(entry.key)` names dimension `\(column.key)`, which `dimensions` does not define",
                        at: column.keyNode, hint: Suggestion.didYouMean(column.key, in: known))
                    continue
                }
                if let name = reader.string(column.value, "a competitor column") { map[column.key] = name }
            }
            return SurveyConfig.Competitor(name: entry.key, columns: map)
        }
    }

    /// `kpis: {renewal: {column: renew, yes: [yes], label: "Will renew"}, advocacy: {column: q_adv, top: 2}}`
    private func readKPIs(_ node: YAMLNode, scale: RatingScale) -> [SurveyConfig.KPI] {
        guard let entries = reader.mapping(node, "`kpis`") else { return [] }
        return entries.compactMap { entry in
            guard let id = reader.identifier(entry.keyNode, "KPI id"),
                  let fields = reader.fields(entry.value, "KPI `\(entry.key)`", allowed: ["column", "label", "yes", "top", "scale"]) else { return nil }
            guard let column = fields.string("column") else {
                reader.error("KPI `\(id)` needs a `column`", at: entry.value, hint: "e.g. \(id): {column: renew, yes: [yes]}")
                return nil
            }
            let label = fields.string("label") ?? id
            switch (fields["yes"], fields["top"]) {
            case (let yesNode?, nil):
                guard let values = reader.strings(yesNode, "`kpis.\(id).yes`"), !values.isEmpty else {
                    reader.error("`kpis.\(id).yes` lists the answers that count, e.g. [yes, \"1\"]", at: yesNode)
                    return nil
                }
                if let scaleNode = fields["scale"] {
                    reader.error("KPI `\(id)` counts `yes` answers, so it takes no `scale`", at: scaleNode, hint: "a scale goes with `top`")
                }
                return SurveyConfig.KPI(id: id, label: label, column: column, rule: .yes(values))
            case (nil, let topNode?):
                let kpiScale = fields["scale"].flatMap { readScale($0, "`kpis.\(id).scale`") } ?? scale
                guard let top = fields.int("top"), top >= 1, top < kpiScale.max - kpiScale.min + 1 else {
                    reader.error("`kpis.\(id).top` must be a whole number from 1 to one less than the scale's points (\(kpiScale.max - kpiScale.min + 1))", at: topNode,
                                 hint: "top: 2 counts the two highest points (top-2-box)")
                    return nil
                }
                return SurveyConfig.KPI(id: id, label: label, column: column, rule: .topBox(scale: kpiScale, top: top))
            case (.some, .some):
                reader.error("KPI `\(id)` takes `yes` (for a yes/no question) or `top` (for a rating), not both", at: entry.value)
                return nil
            case (nil, nil):
                reader.error("KPI `\(id)` needs `yes` (the answers that count) or `top` (the top points of a rating)", at: entry.value,
                             hint: "e.g. {column: renew, yes: [yes]} or {column: q_advocacy, top: 2}")
                return nil
            }
        }
    }

    private func readKano(_ node: YAMLNode) -> [SurveyConfig.KanoFeature] {
        guard let entries = reader.mapping(node, "`kano`") else { return [] }
        return entries.compactMap { entry in
            guard let fields = reader.fields(entry.value, "Kano feature `\(entry.key)`", allowed: ["functional", "dysfunctional"]) else { return nil }
            guard let functional = fields.string("functional"), let dysfunctional = fields.string("dysfunctional") else {
                reader.error("Kano feature `\(entry.key)` needs `functional` and `dysfunctional` columns", at: entry.value)
                return nil
            }
            return SurveyConfig.KanoFeature(id: entry.key, functional: functional, dysfunctional: dysfunctional)
        }
    }
}
