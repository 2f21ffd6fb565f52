import CanvassCore

/// The target-segment ranking: the targets page, the `{target-segments}` block and the
/// recommendation in words.
extension PageContext {
    typealias Candidate = TargetingResults.Candidate
    typealias Criterion = TargetingConfig.Criterion

    func targets(_ results: TargetingResults) -> PageModel<TargetsPage> {
        PageModel(base: base(title: strings["targets_title"], section: "targets"), content: TargetsPage(
            recommendation: recommendation(results),
            weights: targetingWeights(results),
            weighted: results.weighted,
            personas: results.personas.isEmpty ? nil : targetingModel(results, kind: .persona, limit: nil),
            segments: results.segments.isEmpty ? nil : targetingModel(results, kind: .segment, limit: nil),
            segmentsLead: strings.format("targets_segments_lead", [
                "attributes": (results.config.segments ?? project.config.breakdowns).map(attributeLabel).joined(separator: strings["list_separator"]),
            ])))
    }

    /// The chart and table of one kind of candidate; `limit` keeps the first rows of the table.
    func targetingModel(_ results: TargetingResults, kind: TargetingResults.Kind, limit: Int?) -> TargetTable {
        let candidates = kind == .persona ? results.personas : results.segments
        let recommended = kind == results.recommendedKind ? Set([results.primary?.id, results.secondary?.id].compactMap { $0 }) : []
        let bubbles = candidates.compactMap { c -> Charts.Bubble? in
            guard let size = c.size.score, let shortfall = c.shortfall else { return nil }
            return Charts.Bubble(label: candidateName(c), mark: c.rank.map(String.init) ?? "–", x: size, y: shortfall,
                                 area: c.value?.mean, highlighted: recommended.contains(c.id))
        }
        let valueLabel = results.config.value.map(attributeLabel)
        let rows = candidates.prefix(limit ?? candidates.count).map { c in
            func mean(_ d: Descriptives?) -> TargetRow.Amount {
                TargetRow.Amount(
                    text: amountText(d?.mean), ci: d?.ci95.map { "[\(amountText($0.lower)), \(amountText($0.upper))]" } ?? "–",
                    value: d?.mean.map { String($0) } ?? "")
            }
            return TargetRow(
                rank: c.rank.map(String.init) ?? "–", rankValue: c.rank.map(String.init) ?? "",
                name: candidateName(c), href: candidateHref(c) ?? "", hasHref: candidateHref(c) != nil,
                n: strings.formatNumber(c.n), small: c.cautions.contains(.smallSample),
                size: NumberFormat.percent(c.size.score, 0), sizeValue: c.size.score.map { String($0) } ?? "",
                sizeCI: NumberFormat.interval(c.size.ci95?.lower, c.size.ci95?.upper, 0),
                gap: NumberFormat.signed(c.gap?.mean), gapValue: c.gap.map { String($0.mean) } ?? "",
                gapCI: NumberFormat.interval(c.gap?.ci95?.lower, c.gap?.ci95?.upper), shortfall: (c.gap?.mean ?? 0) < 0,
                uncertain: c.cautions.contains(.shortfallUncertain),
                value: mean(c.value), reach: mean(c.reach), growth: mean(c.growth),
                score: NumberFormat.fixed(c.score), scoreValue: c.score.map { String($0) } ?? "", notScored: c.score == nil,
                recommended: recommended.contains(c.id))
        }
        let svg = bubbles.isEmpty ? "" : charts.bubbles(
            bubbles, title: strings["chart_bubbles_title"], xTitle: strings[results.weighted ? "chart_bubbles_x_weighted" : "chart_bubbles_x"],
            yTitle: strings["chart_bubbles_y"])
        return TargetTable(
            svg: svg, rows: rows,
            caption: valueLabel.map { strings.format("targets_chart_caption", ["value": midSentence($0)]) } ?? strings["targets_chart_caption_plain"],
            valueLabel: valueLabel, reachLabel: results.config.reach.map(attributeLabel), growthLabel: results.config.growth.map(attributeLabel),
            href: path.link(to: PagePath.targets.path))
    }

    /// The primary and secondary targets with their reasons, or why there is none.
    func recommendation(_ results: TargetingResults) -> Recommendation {
        let among = results.recommendable
        func entry(_ c: Candidate, _ key: String) -> Recommendation.Pick {
            var cautions: [String] = []
            if c.cautions.contains(.shortfallUncertain) { cautions.append(strings["target_caution_shortfallUncertain"]) }
            return Recommendation.Pick(
                heading: strings.format(key, ["name": candidateName(c)]), href: candidateHref(c),
                score: strings.format("target_score_line", [
                    "score": NumberFormat.fixed(c.score), "rank": String(c.rank ?? 0), "count": String(among.filter { $0.score != nil }.count),
                ]),
                reasons: reasons(c, among: among, results), cautions: cautions)
        }
        var close: String?
        if let a = results.primary?.score, let b = results.secondary?.score, a - b < 0.05 {
            close = strings.format("target_close", ["primary": NumberFormat.fixed(a), "secondary": NumberFormat.fixed(b)])
        }
        // Which candidate each criterion alone would pick: how much the choice rests on the weights.
        let alone = results.criteria.compactMap { item -> String? in
            let measured = among.filter { !$0.cautions.contains(.smallSample) && $0.amount(item.criterion) != nil }
            guard let best = measured.max(by: { ($0.amount(item.criterion)!, $1.id) < ($1.amount(item.criterion)!, $0.id) }) else { return nil }
            return strings.format("target_alone", ["criterion": criterionLabel(item.criterion, results), "name": candidateName(best)])
        }
        return Recommendation(
            primary: results.primary.map { entry($0, "target_primary") }, secondary: results.secondary.map { entry($0, "target_secondary") },
            none: strings["target_none"], close: close, alone: alone)
    }

    /// One line per criterion that counts, most contributing first: where the candidate stands and its figure.
    func reasons(_ c: Candidate, among: [Candidate], _ results: TargetingResults) -> [String] {
        let counted = results.criteria.filter { $0.weight > 0 }
        func place(_ criterion: Criterion) -> (rank: Int, count: Int)? {
            let amounts = among.compactMap { $0.amount(criterion) }
            return c.amount(criterion).map { value in (amounts.filter { $0 > value }.count + 1, amounts.count) }
        }
        // Where it stands best first; between equal places, what weighs more.
        let ordered = counted.sorted { a, b in
            let x = place(a.criterion)?.rank ?? .max, y = place(b.criterion)?.rank ?? .max
            if x != y { return x < y }
            return a.weight != b.weight ? a.weight > b.weight : a.criterion.rawValue < b.criterion.rawValue
        }
        return ordered.map { item in
            let place = place(item.criterion)
            return strings.format("target_reason", [
                "criterion": criterionLabel(item.criterion, results),
                "place": place.map { strings.format("target_place", ["rank": String($0.rank), "count": String($0.count)]) } ?? "–",
                "figure": figure(item.criterion, c, results),
            ])
        }
    }

    func figure(_ criterion: Criterion, _ c: Candidate, _ results: TargetingResults) -> String {
        switch criterion {
        case .size:
            return strings.format(results.weighted ? "target_size_figure_weighted" : "target_size_figure", [
                "share": NumberFormat.percent(c.size.score, 0), "ci": NumberFormat.interval(c.size.ci95?.lower, c.size.ci95?.upper, 0),
            ])
        case .shortfall:
            return strings.format("target_shortfall_figure", [
                "gap": NumberFormat.signed(c.gap?.mean), "ci": NumberFormat.interval(c.gap?.ci95?.lower, c.gap?.ci95?.upper),
            ])
        case .value, .reach, .growth:
            let d = criterion == .value ? c.value : criterion == .reach ? c.reach : c.growth
            return strings.format("target_mean_figure", [
                "mean": amountText(d?.mean),
                "ci": d?.ci95.map { "[\(amountText($0.lower)), \(amountText($0.upper))]" } ?? "–",
            ])
        }
    }

    /// `Size 30%, Annual revenue (€) 30%, Shortfall 40%`
    func targetingWeights(_ results: TargetingResults) -> String {
        results.criteria.map { item in
            strings.format("target_weight", ["criterion": criterionLabel(item.criterion, results), "weight": NumberFormat.percent(item.weight * 100, 0)])
        }.joined(separator: strings["list_separator"])
    }

    /// A criterion by name, or by the attribute that measures it (`Annual revenue (€)`).
    func criterionLabel(_ criterion: Criterion, _ results: TargetingResults) -> String {
        switch criterion {
        case .size, .shortfall: return strings["target_criterion_\(criterion.rawValue)"]
        case .value, .reach, .growth:
            // In a list of criteria, capitalised as the criteria's own names are.
            return capitalised(attributeLabel(results.config.attribute(for: criterion) ?? criterion.rawValue))
        }
    }

    func candidateName(_ c: Candidate) -> String {
        switch c.kind {
        case .persona: return analysis.personas?.persona(id: c.id).map(personaName) ?? c.id
        case .segment:
            let attribute = c.attribute ?? ""
            return "\(capitalised(attributeLabel(attribute))): \(project.config.label(attribute: attribute, value: c.id))"
        }
    }

    /// `clinic size` → `Clinic size`, for a label that starts a line or an item.
    func capitalised(_ label: String) -> String {
        label.prefix(1).uppercased() + label.dropFirst()
    }

    func candidateHref(_ c: Candidate) -> String? {
        c.kind == .persona && analysis.personas?.persona(id: c.id) != nil ? path.link(to: PagePath.persona(c.id).path) : nil
    }

    /// Money-like amounts grouped without decimals (`42,703`), small ones with two (`0.43`).
    func amountText(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        guard abs(value) >= 100 else { return NumberFormat.fixed(value) }
        let text = strings.formatNumber(Int(value.rounded()))
        return value < 0 ? "−" + text.replacingOccurrences(of: "-", with: "") : text
    }
}
