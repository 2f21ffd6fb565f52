import CanvassCore

/// `site/data/*.json` (SPEC §5): machine-readable results with stable key names, numbers unrounded.
struct DataFiles {
    let project: Project
    let analysis: ProjectAnalysis
    /// Display names of the personas, as the pages show them.
    let names: [String: String]
    static let generator = "Canvass \(CanvassRenderVersion.string)"

    func files() -> [OutputFile] {
        var files = [OutputFile(path: "data/summary.json", bytes: summary().serializedBytes())]
        if let surveys = analysis.surveys {
            files.append(OutputFile(path: "data/ratings.json", bytes: ratings(surveys).serializedBytes()))
            files.append(OutputFile(path: "data/gaps.json", bytes: gaps(surveys).serializedBytes()))
            if let nps = surveys.nps { files.append(OutputFile(path: "data/nps.json", bytes: segmented(nps, Self.nps).serializedBytes())) }
            if !surveys.kano.isEmpty { files.append(OutputFile(path: "data/kano.json", bytes: kano(surveys).serializedBytes())) }
            files.append(OutputFile(path: "data/quality.json", bytes: quality(surveys.quality).serializedBytes()))
            if let weighting = surveys.weighting {
                files.append(OutputFile(path: "data/weights.json", bytes: weights(weighting).serializedBytes()))
            }
            if surveys.hasMonitoring {
                files.append(OutputFile(path: "data/monitoring.json", bytes: monitoring(surveys).serializedBytes()))
            }
            if let targeting = surveys.targeting {
                files.append(OutputFile(path: "data/targets.json", bytes: targets(targeting, surveys: surveys).serializedBytes()))
            }
        }
        files.append(OutputFile(path: "data/themes.json", bytes: themes().serializedBytes()))
        files.append(OutputFile(path: "data/text.json", bytes: text().serializedBytes()))
        if !analysis.needs.isEmpty {
            files.append(OutputFile(path: "data/needs.json", bytes: needs().serializedBytes()))
        }
        if let service = analysis.service {
            files.append(OutputFile(path: "data/service.json", bytes: self.service(service).serializedBytes()))
        }
        if let actions = analysis.actions {
            files.append(OutputFile(path: "data/actions.json", bytes: self.actions(actions).serializedBytes()))
        }
        if let personas = analysis.personas {
            files.append(OutputFile(path: "data/personas.json", bytes: self.personas(personas).serializedBytes()))
        }
        return files
    }

    func summary() -> JSONValue {
        let surveys = analysis.surveys
        return .object([
            ("generator", .string(Self.generator)),
            ("title", .string(project.config.title)),
            ("respondents", surveys.map { .int($0.respondents) } ?? .null),
            ("notes", .int(project.notes.count)),
            ("excerpts", .int(project.notes.reduce(0) { $0 + $1.excerpts.count })),
            ("nps", .number(surveys?.nps?.overall.score)),
            ("csat", .number(surveys?.csat?.overall.score)),
            ("gap", .object([
                ("unweighted", .number(surveys?.overallGap.unweighted)),
                ("weighted", .number(surveys?.overallGap.weighted)),
            ])),
            Self.respondentWeights(surveys),
        ])
    }

    /// Whether the survey figures of a file are weighted: `"raking"` or `"column"`
    /// (data/weights.json tells how), null when every respondent counts once. summary, ratings,
    /// gaps, nps, personas and targets carry it. The gap's `weighted` is about dimension
    /// weights, a different thing.
    static func respondentWeights(_ surveys: SurveyResults?) -> (String, JSONValue) {
        ("respondentWeights", .string(surveys?.weighting?.method.rawValue))
    }

    /// data/weights.json: the sample against the population per margin, the weights' summary
    /// and the headline figures without weights.
    func weights(_ report: WeightingReport) -> JSONValue {
        .object([
            ("method", .string(report.method.rawValue)),
            ("rakedByWave", .bool(report.rakedByWave)),
            ("trim", report.trim.map { .object([("min", .number($0.min)), ("max", .number($0.max))]) } ?? .null),
            ("iterations", .int(report.iterations)), ("trimmed", .int(report.trimmed)),
            ("summary", .object([
                ("n", .int(report.summary.n)), ("min", .number(report.summary.min)), ("max", .number(report.summary.max)),
                ("designEffect", .number(report.summary.designEffect)), ("effectiveN", .number(report.summary.effectiveN)),
            ])),
            ("margins", .array(report.margins.map { margin in
                .object([
                    ("attribute", .string(margin.attribute)), ("n", .int(margin.n)),
                    ("chiSquare", .number(margin.chiSquare)), ("df", margin.degreesOfFreedom.map { .int($0) } ?? .null), ("p", .number(margin.p)),
                    ("cells", .array(margin.cells.map { cell in
                        .object([
                            ("value", .string(cell.value)), ("sampleCount", .int(cell.sampleCount)), ("sampleShare", .number(cell.sampleShare)),
                            ("populationShare", .number(cell.populationShare)), ("weightedShare", .number(cell.weightedShare)),
                            ("flagged", .bool(cell.flagged)),
                        ])
                    })),
                ])
            })),
            ("unweighted", report.unweighted.map { u in
                .object([
                    ("nps", .number(u.nps)), ("csat", .number(u.csat)), ("overallGap", .number(u.overallGap)),
                    ("gaps", .object(u.gaps.map { ($0.label, .number($0.value)) })),
                ])
            } ?? .null),
        ])
    }

    // MARK: - Shapes

    static func interval(_ interval: Interval?) -> JSONValue {
        interval.map { .array([.number($0.lower), .number($0.upper)]) } ?? .null
    }

    /// `STATS = {n, mean, sd, ci95: [lo, hi], counts: {point: n}}`
    static func stats(_ d: Descriptives) -> JSONValue {
        .object([
            ("n", .int(d.n)), ("mean", .number(d.mean)), ("sd", .number(d.sd)), ("ci95", interval(d.ci95)),
            ("counts", .object(d.counts.keys.sorted().map { (String($0), .int(d.counts[$0]!)) })),
        ])
    }

    /// `GAP = {n, mean, sd, ci95, t, p}`
    static func gap(_ g: PairedGap) -> JSONValue {
        .object([("n", .int(g.n)), ("mean", .number(g.mean)), ("sd", .number(g.sd)), ("ci95", interval(g.ci95)), ("t", .number(g.t)), ("p", .number(g.p))])
    }

    /// `NPS = {n, promoters, passives, detractors, score, moe95}`
    static func nps(_ r: NPSResult) -> JSONValue {
        .object([
            ("n", .int(r.n)), ("promoters", .int(r.promoters)), ("passives", .int(r.passives)),
            ("detractors", .int(r.detractors)), ("score", .number(r.score)), ("moe95", .number(r.moe95)),
        ])
    }

    static func groups<V>(_ groups: [Group<V>], _ shape: (V) -> JSONValue) -> JSONValue {
        .object(groups.map { ($0.label, shape($0.value)) })
    }

    static func breakdowns<V>(_ breakdowns: [Breakdown<V>], _ shape: (V) -> JSONValue) -> JSONValue {
        .object(breakdowns.map { ($0.attribute, groups($0.groups, shape)) })
    }

    func segmented<V>(_ result: SegmentedResult<V>, _ shape: (V) -> JSONValue) -> JSONValue {
        .object([
            ("overall", shape(result.overall)),
            ("by", Self.breakdowns(result.by, shape)),
            ("byPersona", Self.groups(result.byPersona, shape)),
            ("byWave", Self.groups(result.byWave, shape)),
            Self.respondentWeights(analysis.surveys),
        ])
    }

    // MARK: - Files

    func ratings(_ surveys: SurveyResults) -> JSONValue {
        .object([("items", .array(surveys.ratings.map { item in
            .object([
                ("id", .string(item.id)), ("column", .string(item.column)), ("survey", .string(item.survey)),
                ("scale", .object([("min", .int(item.scale.min)), ("max", .int(item.scale.max))])),
                ("overall", Self.stats(item.overall)),
                ("by", Self.breakdowns(item.by, Self.stats)),
                ("byWave", Self.groups(item.byWave, Self.stats)),
            ])
        })), Self.respondentWeights(surveys)])
    }

    func gaps(_ surveys: SurveyResults) -> JSONValue {
        .object([
            ("dimensions", .array(surveys.dimensions.map { d in
                .object([
                    ("id", .string(d.dimension.id)), ("label", .string(d.dimension.label)), ("weight", .number(d.weight)),
                    ("expectation", Self.stats(d.expectation)), ("perception", Self.stats(d.perception)),
                    ("importance", d.importance.map(Self.stats) ?? .null),
                    ("gap", Self.gap(d.gap)), ("quadrant", .string(d.quadrant?.rawValue)), ("verdict", .string(d.verdict?.rawValue)),
                    ("by", Self.breakdowns(d.byAttribute, Self.gap)),
                    ("byPersona", Self.groups(d.byPersona, Self.gap)),
                    ("byWave", Self.groups(d.byWave, Self.gap)),
                ])
            })),
            ("overall", .object([("unweighted", .number(surveys.overallGap.unweighted)), ("weighted", .number(surveys.overallGap.weighted))])),
            ("weights", .string(surveys.weightSource.rawValue)),
            ("crosshair", .object([("x", .number(surveys.crosshair.x)), ("y", .number(surveys.crosshair.y))])),
            Self.respondentWeights(surveys),
        ])
    }

    func kano(_ surveys: SurveyResults) -> JSONValue {
        .object([("features", .array(surveys.kano.map { k in
            .object([
                ("id", .string(k.feature)), ("n", .int(k.n)),
                ("counts", .object(KanoCategory.allCases.map { ($0.rawValue, .int(k.counts[$0] ?? 0)) })),
                ("category", .string(k.category?.rawValue)), ("better", .number(k.better)), ("worse", .number(k.worse)),
            ])
        }))])
    }

    /// `{method, k, seed, silhouette, stability, personas: [{id, name, size, share, traits, gaps, nps, themes}], assignments}`
    func personas(_ results: PersonaResults) -> JSONValue {
        .object([
            ("method", .string(results.method.rawValue)), ("k", .int(results.k)), ("seed", .string(String(results.seed))),
            ("attributes", .array(results.attributes.map { .string($0) })),
            ("silhouette", .number(results.silhouette)),
            ("silhouetteByK", Self.groups(results.silhouetteByK) { .number($0) }),
            ("silhouetteSample", .int(results.sampleSize)),
            ("stability", .number(results.stability)),
            ("stabilityRuns", .array(results.stabilityRuns.map { .number($0) })),
            // Persona shares (and their gaps and NPS) are weighted when the survey figures are.
            Self.respondentWeights(analysis.surveys),
            ("personas", .array(results.personas.map { persona in
                .object([
                    ("id", .string(persona.id)), ("name", .string(names[persona.id])), ("size", .int(persona.size)), ("share", .number(persona.share)), ("sampleShare", .number(persona.sampleShare)),
                    ("traits", .array(persona.traits.map(Self.trait))),
                    ("gaps", Self.groups(persona.gaps, Self.gap)),
                    ("nps", persona.nps.map(Self.nps) ?? .null),
                    ("themes", .array(persona.themes.map { .object([("id", .string($0.label)), ("excerpts", .int($0.value))]) })),
                    ("participants", .array(persona.participants.map { .string($0) })),
                ])
            })),
            ("assignments", .object(results.assignments.map { ($0.respondent, .string($0.persona)) })),
        ])
    }

    static func trait(_ trait: PersonaTrait) -> JSONValue {
        switch trait.kind {
        case .category(let value, let share, let overall):
            return .object([("attribute", .string(trait.attribute)), ("kind", .string("category")), ("value", .string(value)),
                            ("share", .number(share)), ("overallShare", .number(overall))])
        case .numeric(let median, let overall, let distinguishing):
            return .object([("attribute", .string(trait.attribute)), ("kind", .string("numeric")), ("median", .number(median)),
                            ("overallMedian", .number(overall)), ("distinguishing", .bool(distinguishing))])
        }
    }

    /// Durations in seconds; `within` is a share ×100 with its Wilson interval.
    func service(_ results: ServiceResults) -> JSONValue {
        func level(_ l: ServiceLevel) -> JSONValue {
            .object([
                ("label", .string(l.label)), ("committed", .number(l.committed)), ("records", .int(l.records)), ("responded", .int(l.responded)),
                ("firstResponse", .object([("median", .number(l.responseMedian)), ("p90", .number(l.responseP90))])),
                ("resolution", .object([("median", .number(l.resolutionMedian)), ("p90", .number(l.resolutionP90))])),
                ("within", .object([("n", .int(l.within.n)), ("hits", .int(l.within.hits)), ("score", .number(l.within.score)), ("ci95", Self.interval(l.within.ci95))])),
            ])
        }
        return .object([
            ("overall", level(results.overall)),
            ("byPriority", .array(results.byPriority.map(level))),
            ("byDimension", .array(results.byDimension.map(level))),
            ("byMonth", .array(results.byMonth.map(level))),
            ("breaches", .array(results.breaches.map { b in
                .object([("file", .string(b.file)), ("line", .int(b.line)), ("priority", .string(b.priority)), ("dimension", .string(b.dimension)),
                         ("response", .number(b.response)), ("committed", .number(b.committed))])
            })),
            ("findings", .array(results.findings.map(Self.finding))),
        ])
    }

    func themes() -> JSONValue {
        .object([("themes", .array(analysis.themes.map { t in
            .object([
                ("id", .string(t.theme.id)), ("label", .string(t.theme.label)), ("dimension", .string(t.theme.dimension)),
                ("excerpts", .int(t.excerpts.count)), ("notes", .int(t.noteIDs.count)), ("participants", .int(t.participantIDs.count)),
                ("byPersona", Self.groups(t.byPersona) { .int($0) }), ("byMethod", Self.groups(t.byMethod) { .int($0) }),
                ("cooccurring", Self.groups(t.cooccurring) { .int($0) }), ("sentiment", .number(t.sentiment)),
                ("keywords", .array(t.keywords.map { .object([("term", .string($0.label)), ("weight", .number($0.value))]) })),
                ("evidence", .array(t.excerpts.map { .string(TextResults.key($0)) })),
            ])
        }))])
    }

    func needs() -> JSONValue {
        .object([("needs", .array(analysis.needs.map { n in
            .object([
                ("id", .string(n.id)), ("label", .string(n.label)), ("dimension", .string(n.dimension)),
                ("participants", .int(n.participants.count)), ("groupNotes", .int(n.groupNotes)), ("mentions", .int(n.excerpts.count)),
                ("importance", .number(n.importance)), ("gap", .number(n.gap)), ("score", .number(n.score)),
                ("priority", .string(n.priority)), ("commitment", .string(n.commitment)),
                ("evidence", .array(n.excerpts.map { .string(TextResults.key($0)) })),
            ])
        }))])
    }

    /// `{items: [{source, id, sentiment, label}]}`: every excerpt and free-text answer.
    func text() -> JSONValue {
        var items: [JSONValue] = []
        for (note, scores) in zip(project.notes, analysis.text.excerptSentiment) {
            for (excerpt, score) in zip(note.excerpts, scores) {
                items.append(.object([("source", .string("excerpt")), ("id", .string(TextResults.key(excerpt))),
                                      ("sentiment", .number(score)), ("label", .string(SentimentScore(score: score).label.rawValue))]))
            }
        }
        for answer in analysis.text.answers {
            items.append(.object([("source", .string("answer")), ("id", .string("\(answer.respondent)/\(answer.column)")),
                                  ("sentiment", .number(answer.sentiment)), ("label", .string(answer.label))]))
        }
        return .object([("items", .array(items))])
    }

    static func finding(_ f: QualityFinding) -> JSONValue {
        .object([
            ("file", .string(f.file)), ("row", .int(f.row)), ("line", .int(f.line)), ("column", .string(f.column)),
            ("kind", .string(f.kind.rawValue)), ("value", .string(f.value)), ("respondent", .string(f.respondent)),
            ("message", .string(f.message)),
        ])
    }

    func quality(_ report: QualityReport) -> JSONValue {
        .object([
            ("findings", .array(report.findings.map(Self.finding))),
            ("missing", .array(report.missing.map { m in
                .object([("file", .string(m.file)), ("column", .string(m.column)), ("empty", .int(m.empty)), ("total", .int(m.total)), ("rate", .number(m.rate))])
            })),
            ("straightLiners", .int(report.straightLiners)),
            ("speeders", .int(report.speeders)),
            ("excluded", .array(report.excluded.map { .string($0.rawValue) })),
            ("excludedRespondents", .int(report.excludedRespondents)),
        ])
    }
}

public enum CanvassRenderVersion {
    public static let string = "0.1.0"
}
