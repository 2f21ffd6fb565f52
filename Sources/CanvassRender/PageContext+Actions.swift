import CanvassCore

/// The actions page, one page per improvement action, the `{actions}` block, the home page's
/// line on them and the links from needs, dimensions and personas to the actions about them.
extension PageContext {
    func actionsIndex(_ results: ActionResults) -> PageModel<ActionsPage> {
        PageModel(base: base(title: strings["actions_title"], section: "actions"), content: ActionsPage(
            actions: results.actions.map(actionRow),
            asOf: results.asOf.map { strings.format("actions_as_of", ["date": date($0)]) } ?? "",
            summary: actionsSummary(results)))
    }

    /// One row of the actions table.
    func actionRow(_ result: ActionResult) -> ActionRow {
        let action = result.action
        let measured = result.effects.filter { $0.targetMet != nil }
        return ActionRow(
            title: action.title, href: path.link(to: PagePath.action(action.id).path),
            status: strings["action_status_" + action.status.rawValue.replacingOccurrences(of: "-", with: "_")],
            statusClass: action.status.rawValue, owner: action.owner ?? "–",
            start: action.start.map { date($0) } ?? "–", startValue: action.start?.description ?? "",
            due: action.due.map { date($0) } ?? "–", dueValue: action.due?.description ?? "", overdue: result.overdue,
            verdict: result.verdict.map(verdictLabel) ?? strings["action_no_targets"], verdictClass: result.verdict?.rawValue ?? "none",
            targetsMet: measured.isEmpty ? "–" : strings.format("action_targets_met", [
                "met": String(measured.filter { $0.targetMet == true }.count), "count": String(result.effects.count),
            ]))
    }

    /// "2 improved · 1 no detectable change · 1 too early · 1 overdue", for the home page and the block.
    func actionsSummary(_ results: ActionResults) -> String {
        let verdicts = results.actions.compactMap(\.verdict)
        var parts: [String] = []
        for verdict in [EffectVerdict.improved, .noDetectableChange, .worse, .noWaveAfter, .noWaveBefore, .tooFewAnswers] {
            let count = verdicts.filter { $0 == verdict }.count
            if count > 0 { parts.append("\(count) " + verdictLabel(verdict)) }
        }
        let overdue = results.actions.filter(\.overdue).count
        if overdue > 0 { parts.append(strings.format("actions_overdue_count", ["count": String(overdue)])) }
        return strings.format("actions_summary", ["count": strings.count("actions", results.actions.count)])
            + (parts.isEmpty ? "" : ": " + parts.joined(separator: " · "))
    }

    func verdictLabel(_ verdict: EffectVerdict) -> String {
        strings["verdict_" + verdict.rawValue.replacingOccurrences(of: "-", with: "_")]
    }

    func action(_ result: ActionResult, in results: ActionResults) -> PageModel<ActionPage> {
        let action = result.action
        return PageModel(base: base(title: action.title, section: "actions"), content: ActionPage(
            row: actionRow(result),
            bodyHTML: renderer(tagStyle: .link { tagHref($0) }).render(action.body),
            asOf: results.asOf.map { strings.format("actions_as_of", ["date": date($0)]) } ?? "",
            addresses: addressedModels(action.addresses, notes: notesByID),
            effects: result.effects.map { effect($0) },
            source: action.file))
    }

    /// What an action addresses, each with up to three quotes behind it that an item above did not show.
    func addressedModels(_ items: [ImprovementAction.Addressed], notes: [String: Note]) -> [AddressedView] {
        var shown = Set<String>()
        return items.map { item in
            let (kind, label, href, candidates) = addressed(item)
            var fresh: [Excerpt] = []
            for candidate in candidates where fresh.count < 3 && shown.insert("\(candidate.location.file):\(candidate.location.line)").inserted {
                fresh.append(candidate)
            }
            return AddressedView(kind: kind, label: label, href: href, excerpts: fresh.map { excerpt($0, notes: notes) })
        }
    }

    /// What an action addresses: its kind, name, a link, and the excerpts behind it.
    func addressed(_ item: ImprovementAction.Addressed) -> (kind: String, label: String, href: String, excerpts: [Excerpt]) {
        var label = item.id, href = "", excerpts: [Excerpt] = []
        switch item.kind {
        case .need:
            if let need = analysis.needs.first(where: { $0.id == item.id }) {
                label = need.label
                href = needHref(need)
                excerpts = Array(need.excerpts.prefix(12))
            }
        case .theme:
            if let summary = analysis.summary(themeID: item.id) {
                label = summary.theme.label
                href = path.link(to: PagePath.theme(item.id).path)
                excerpts = Array(summary.excerpts.prefix(12))
            }
        case .dimension:
            label = project.config.dimension(id: item.id)?.label ?? item.id
            if analysis.surveys?.dimension(id: item.id) != nil { href = dimensionHref(item.id) }
        }
        return (strings["action_kind_" + item.kind.rawValue], label, href, excerpts)
    }

    /// A target's label with whose figure it is: "Gap · Service (Plan: basic)".
    func targetLabel(_ target: ImprovementAction.Target) -> String {
        let metric = metricLabel(target.metric)
        switch target.segment {
        case nil: return metric
        case .persona(let id): return metric + " (" + (analysis.personas?.persona(id: id).map(personaName) ?? id) + ")"
        case .group(let attribute, let value):
            return metric + " (" + capitalised(attributeLabel(attribute)) + ": " + project.config.label(attribute: attribute, value: value) + ")"
        }
    }

    func effect(_ effect: ActionEffect) -> EffectView {
        let metric = effect.target.metric, digits = metricDigits(metric)
        let sides = [effect.before, effect.after].compactMap { $0 }
        let svg = sides.isEmpty ? "" : charts.control(
            sides.map { Charts.ControlPoint(wave: $0.wave, value: $0.value, interval: $0.ci95, limits: nil, outside: false) },
            centre: nil, target: effect.target.value, title: strings.format("chart_effect_title", ["metric": targetLabel(effect.target)]),
            yTitle: metricLabel(metric), digits: digits)
        func side(_ side: ActionEffect.Side?, _ label: String) -> EffectSide {
            guard let side else { return EffectSide(label: label, wave: "–", n: "–", value: "–", ci: "–", small: false) }
            return EffectSide(label: label, wave: side.wave, n: strings.formatNumber(side.n), value: metricValue(side.value, metric),
                              ci: NumberFormat.interval(side.ci95?.lower, side.ci95?.upper, digits),
                              small: side.n > 0 && side.effectiveN < ActionEffect.minimumN)
        }
        return EffectView(
            label: targetLabel(effect.target), svg: svg,
            target: strings.format("monitoring_target", ["value": metricValue(effect.target.value, metric)]),
            sides: [side(effect.before, strings["action_before"]), side(effect.after, strings["action_after"])],
            difference: effect.difference.map { NumberFormat.signed($0, digits) + (metric.isShare ? " " + strings["points_short"] : "") } ?? "–",
            ci: NumberFormat.interval(effect.ci95?.lower, effect.ci95?.upper, digits),
            test: effect.test.map(testText) ?? "–",
            verdict: verdictLabel(effect.verdict), verdictClass: effect.verdict.rawValue,
            met: effect.targetMet == true, missed: effect.targetMet == false)
    }

    /// "Welch t = 2.31, df = 396.2, p = 0.021"
    func testText(_ test: ActionEffect.Test) -> String {
        let name = strings["test_" + test.kind.rawValue.replacingOccurrences(of: "-", with: "_")]
        let statistic = test.statistic.isFinite ? NumberFormat.fixed(test.statistic) : (test.statistic > 0 ? "∞" : "−∞")
        return name + " = " + statistic + (test.degreesOfFreedom.map { ", df = " + NumberFormat.fixed($0, 1) } ?? "") + ", p " + pText(test.p)
    }

    func pText(_ p: Double) -> String {
        let text = NumberFormat.pValue(p)
        return text.hasPrefix("<") ? text : "= " + text
    }

    /// Links to the actions about a need, a dimension or a persona, for their pages.
    func actionLinks(_ results: [ActionResult]) -> [ActionLink] {
        results.map {
            ActionLink(title: $0.action.title, href: path.link(to: PagePath.action($0.action.id).path),
                       verdict: $0.verdict.map(verdictLabel) ?? strings["action_no_targets"], overdue: $0.overdue)
        }
    }
}
