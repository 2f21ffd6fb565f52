import Foundation
import CanvassCore
import CanvassMarkdown

/// View models of the persona pages, and the names and summaries composed from traits.
extension PageContext {
    /// `clinic_size` → `clinic size`.
    func attributeLabel(_ attribute: String) -> String {
        project.config.label(attribute: attribute)
    }

    /// A trait in a few words: `basic plan`, `higher visits`.
    func traitPhrase(_ trait: PersonaTrait) -> String {
        let attribute = midSentence(attributeLabel(trait.attribute))
        switch trait.kind {
        case .category(let value, _, _):
            return strings.format("persona_trait_category", ["value": project.config.label(attribute: trait.attribute, value: value), "attribute": attribute])
        case .numeric(let median, let overall, _):
            return strings.format(median > overall ? "persona_trait_high" : "persona_trait_low", ["attribute": attribute])
        }
    }

    /// A label as it reads inside an English phrase: `Clinic size` → `clinic size`, `NPS` kept.
    func midSentence(_ label: String) -> String {
        guard project.config.language == .english, let first = label.first, first.isUppercase,
              label.dropFirst().first.map({ !$0.isUppercase }) ?? true else { return label }
        return first.lowercased() + label.dropFirst()
    }

    /// A trait with its evidence: `78% basic plan (44% overall)`, `median age 52 (42 overall)`.
    func traitEvidence(_ trait: PersonaTrait) -> String {
        switch trait.kind {
        case .category(let value, let share, let overall):
            return strings.format("persona_trait_category_evidence", [
                "share": NumberFormat.percent(share * 100, 0), "value": project.config.label(attribute: trait.attribute, value: value),
                "attribute": attributeLabel(trait.attribute),
                "overall": NumberFormat.percent(overall * 100, 0)])
        case .numeric(let median, let overall, _):
            return strings.format("persona_trait_numeric_evidence", [
                "attribute": attributeLabel(trait.attribute), "median": RespondentFormat.number(median), "overall": RespondentFormat.number(overall)])
        }
    }

    /// The persona's name: the narrative's, else its two strongest traits.
    func personaName(_ persona: Persona) -> String {
        if let name = persona.narrative?.name { return name }
        let phrases = persona.traits.filter { $0.strength > 0 }.prefix(2).map(traitPhrase)
        guard !phrases.isEmpty else { return strings.format("persona_unnamed", ["id": persona.id]) }
        let name = phrases.joined(separator: strings["persona_name_separator"])
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// One sentence: share, distinguishing traits with their evidence, largest shortfall.
    func personaSummary(_ persona: Persona) -> String {
        if let summary = persona.narrative?.summary { return summary }
        let traits = persona.traits.filter { $0.strength > 0 }.prefix(3).map(traitEvidence)
        let weighted = analysis.surveys?.weighting != nil
        var sentence = strings.format(weighted ? "persona_summary_share_weighted" : "persona_summary_share", [
            "share": NumberFormat.percent(persona.share * 100, 0), "size": strings.formatNumber(persona.size),
            "sample": NumberFormat.percent(persona.sampleShare * 100, 0),
        ])
        if !traits.isEmpty { sentence += strings.format("persona_summary_traits", ["traits": traits.joined(separator: strings["list_separator"])]) }
        if let worst = persona.gaps.filter({ ($0.value.mean ?? 0) < 0 }).min(by: { $0.value.mean! < $1.value.mean! }) {
            sentence += strings.format("persona_summary_shortfall", [
                "dimension": project.config.dimension(id: worst.label)?.label ?? worst.label, "gap": NumberFormat.signed(worst.value.mean)])
        }
        return sentence
    }

    func personaCard(_ persona: Persona) -> PersonaCard {
        PersonaCard(
            name: personaName(persona), href: path.link(to: PagePath.persona(persona.id).path),
            share: NumberFormat.percent(persona.share * 100, 0), size: strings.count("respondents", persona.size),
            summary: personaSummary(persona), nps: NumberFormat.fixed(persona.nps?.score, 0),
            traits: persona.traits.filter { $0.strength > 0 }.prefix(3).map { Named(label: traitPhrase($0)) },
            photo: persona.narrative?.photo.map { path.link(to: PersonaPhoto.sitePath($0)) } ?? "")
    }

    /// Free-text survey answers of the persona's respondents, most negative first.
    func answers(of persona: Persona) -> [SurveyAnswer] {
        let members = Set((analysis.personas?.assignments ?? []).filter { $0.persona == persona.id }.map(\.respondent))
        return analysis.text.answers.filter { members.contains($0.respondent) }
            .sorted { ($0.sentiment, $0.file, $0.line) < ($1.sentiment, $1.file, $1.line) }
    }

    /// A persona's free-text answers with identical answers (after trimming) grouped: the most
    /// repeated first, then in the order of `answers(of:)`. Each group keeps its answers in order.
    func answerGroups(of persona: Persona) -> [[SurveyAnswer]] {
        var groups: [[SurveyAnswer]] = []
        var index: [String: Int] = [:]
        for answer in answers(of: persona) {
            let key = answer.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let at = index[key] { groups[at].append(answer) } else { index[key] = groups.count; groups.append([answer]) }
        }
        return groups.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element)
    }

    // MARK: - Pages

    func personasIndex(_ results: PersonaResults) -> PageModel<PersonasPage> {
        let dimensions = analysis.surveys?.dimensions ?? []
        return PageModel(base: base(title: strings["personas_title"], section: "personas"), content: PersonasPage(
            cards: results.personas.map(personaCard),
            dimensions: dimensions.map { Named(label: $0.dimension.label) },
            rows: results.personas.map { persona in
                PersonaRow(
                    name: personaName(persona), href: path.link(to: PagePath.persona(persona.id).path),
                    size: strings.formatNumber(persona.size), share: NumberFormat.percent(persona.share * 100, 0),
                    nps: NumberFormat.fixed(persona.nps?.score, 0), csat: NumberFormat.percent(persona.csat?.score, 0),
                    gaps: dimensions.map { d in
                        let gap = persona.gaps.first { $0.label == d.dimension.id }?.value
                        return GapCell(gap: NumberFormat.signed(gap?.mean), label: d.dimension.label,
                                       marks: ((gap?.mean ?? 0) < 0, (gap?.n ?? 0) < 30))
                    })
            },
            overall: PersonaRow(
                name: nil, href: nil, size: strings.formatNumber(analysis.surveys?.respondents ?? 0), share: nil,
                nps: NumberFormat.fixed(analysis.surveys?.nps?.overall.score, 0), csat: NumberFormat.percent(analysis.surveys?.csat?.overall.score, 0),
                gaps: dimensions.map { GapCell(gap: NumberFormat.signed($0.gap.mean), label: $0.dimension.label, marks: nil) }),
            method: strings["persona_method_\(results.method == .rules ? "rules" : "kprototypes")"]))
    }

    func persona(_ persona: Persona, results: PersonaResults) -> PageModel<PersonaPage> {
        let notes = notesByID
        let dimensions = analysis.surveys?.dimensions ?? []
        let rows = dimensions.map { d in
            Charts.GapRow(label: d.dimension.label, gap: persona.gaps.first { $0.label == d.dimension.id }?.value, overall: d.gap.mean)
        }
        // Need tags are listed under the persona's needs, by label, not among its themes.
        let themes = persona.themes.filter { !$0.label.hasPrefix(Need.tagPrefix) }.prefix(8).compactMap { group in
            analysis.themeIndex.theme(id: group.label).map {
                ThemeCount(label: $0.label, href: path.link(to: PagePath.theme($0.id).path), count: strings.formatNumber(group.value))
            }
        }
        let actions = actionLinks(analysis.actions?.actions.filter { $0.action.targets.contains { $0.segment == .persona(persona.id) } } ?? [])
        var card = personaCard(persona)
        card.detail = PersonaCard.Detail(
            narrativeHTML: persona.narrative.map { renderer(tagStyle: .link { tagHref($0) }).render($0.body) } ?? "",
            hasNarrative: persona.narrative != nil,
            csat: NumberFormat.percent(persona.csat?.score, 0),
            csatCI: NumberFormat.interval(persona.csat?.ci95?.lower, persona.csat?.ci95?.upper, 0),
            npsMoe: NumberFormat.fixed(persona.nps?.moe95, 1),
            npsN: strings.formatNumber(persona.nps?.n ?? 0),
            smallNPS: (persona.nps?.n ?? 0) < 30)
        let notesHref = path.link(to: PagePath.notes.path) + "?persona=" + persona.id
        return PageModel(base: base(title: personaName(persona), section: "personas", description: personaSummary(persona)), content: PersonaPage(
            persona: card,
            actionLinks: actions,
            traits: persona.traits.map { TraitView(text: traitEvidence($0), distinguishing: $0.strength > 0, href: notesHref) },
            gapSVG: rows.isEmpty ? "" : charts.gapComparison(rows),
            gaps: dimensions.map { d in
                let gap = persona.gaps.first { $0.label == d.dimension.id }?.value ?? PairedGap(n: 0, mean: nil, sd: nil, ci95: nil, t: nil, p: nil)
                var row = gapRow(d.dimension.label, gap).linking(to: dimensionHref(d.dimension.id))
                row.overall = NumberFormat.signed(d.gap.mean)
                return row
            },
            themes: themes,
            needs: persona.needs.map { group in
                guard let need = need(tag: group.label) else {
                    return ThemeCount(label: "#" + group.label, href: tagHref(group.label) ?? "", count: strings.formatNumber(group.value))
                }
                return ThemeCount(label: need.label, href: needHref(need), count: strings.formatNumber(group.value))
            },
            hasNeeds: !persona.needs.isEmpty,
            quotes: persona.quotes.map { excerpt($0, notes: notes) },
            participants: strings.count("participants", persona.participants.count),
            answers: answerGroups(of: persona).prefix(8).map { group in
                let answer = group[0]
                let shown = group.prefix(3).map(\.respondent).joined(separator: ", ") + (group.count > 3 ? ", …" : "")
                return AnswerGroup(
                    text: answer.text, sentiment: strings["sentiment_\(answer.label)"], respondent: shown,
                    place: "\(answer.file):\(answer.line)", repeated: group.count > 1, count: strings.count("respondents", group.count))
            },
            hasAnswers: !answers(of: persona).isEmpty,
            notesHref: notesHref))
    }
}

/// Where a persona's photo is copied in the site.
public enum PersonaPhoto {
    public static func sitePath(_ projectPath: String) -> String {
        "assets/personas/" + (projectPath as NSString).lastPathComponent
    }
}

/// Numbers of respondents' attributes: whole numbers without decimals.
enum RespondentFormat {
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : NumberFormat.fixed(value, 1)
    }
}
