import CanvassCore

/// The needs page, and what issue-5 analysis adds to theme pages.
extension PageContext {
    func sentimentLabel(_ score: Double?) -> String {
        guard let score else { return "–" }
        return strings["sentiment_\(SentimentScore(score: score).label.rawValue)"] + " (" + NumberFormat.signed(score) + ")"
    }

    /// Who raised a need: its participants, and the group notes that raised it without a speaker.
    func raisedBy(_ need: Need) -> String {
        let people = strings.formatNumber(need.participants.count)
        let groups = strings.count("group_notes", need.groupNotes)
        return need.groupNotes == 0 ? people : need.participants.isEmpty ? groups : people + " + " + groups
    }

    func needs(_ needs: [Need]) -> PageModel<NeedsPage> {
        let notes = notesByID
        return PageModel(base: base(title: strings["needs_title"], section: "needs"), content: NeedsPage(
            needs: needs.map { need in
                let dimension = need.dimension.flatMap { project.config.dimension(id: $0) }
                let listed = excerptList(need.excerpts, notes: notes)
                return NeedView(
                    id: need.id, label: need.label, description: need.description ?? "",
                    dimension: dimension?.label ?? "–",
                    dimensionHref: dimension.map { dimensionHref($0.id) } ?? "",
                    participants: raisedBy(need), voices: String(need.voices), mentions: strings.formatNumber(need.excerpts.count),
                    importance: NumberFormat.fixed(need.importance), gap: NumberFormat.signed(need.gap), shortfall: (need.gap ?? 0) < 0,
                    score: NumberFormat.fixed(need.score), scoreValue: String(need.score), priority: need.priority,
                    commitment: need.commitment ?? "–",
                    actionLinks: actionLinks(analysis.actions?.addressing(.need, need.id) ?? []),
                    excerpts: listed.models, moreExcerpts: listed.more)
            },
            thresholds: Need.thresholds.map { band in
                let voices = Need.minimumVoices[band.priority] ?? 0
                return "\(band.priority) ≥ \(NumberFormat.fixed(band.from, 1))" + (voices > 0 ? ", " + strings.count("voices", voices) : "")
            }.joined(separator: " · ")))
    }

    /// A matrix of how often the most discussed themes share an excerpt.
    func cooccurrenceSVG() -> String {
        let top = analysis.themes.filter { !$0.excerpts.isEmpty }.prefix(10)
        guard top.count > 1 else { return "" }
        let ids = top.map(\.theme.id)
        let labels = top.map(\.theme.label)
        var counts: [[Int]] = []
        for summary in top {
            counts.append(ids.map { other in summary.cooccurring.first { $0.label == other }?.value ?? 0 })
        }
        return charts.matrix(labels: labels, counts: counts)
    }
}

