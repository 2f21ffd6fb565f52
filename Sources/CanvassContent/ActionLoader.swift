import CanvassCore
import CanvassMarkdown
import Foundation

/// Reads `content/actions/*.md`: front matter `title` (required), `id` (default: the file's
/// name), `owner`, `status`, `start`, `due`, `addresses` (`need:<id>`, `theme:<id>`,
/// `dimension:<id>`) and `targets` (`{metric, value, persona | segment}`); the body says what
/// the team does. Which needs, themes and personas exist is checked once the study is analysed.
struct ActionLoader {
    static let keys = ["id", "title", "owner", "status", "start", "due", "addresses", "targets"]
    static let targetKeys = ["metric", "value", "persona", "segment"]

    let file: SourceFile
    let config: ProjectConfig

    func load() -> (ImprovementAction?, [Diagnostic]) {
        guard case .success(let split) = FrontMatter.split(file.text), let yaml = split.yaml else {
            return (nil, [file.diagnostic(
                .error, "an action needs front matter with at least a `title`", line: 1, column: 1,
                hint: "start the file with `---`, `title: Call every new clinic in week one`, `status: planned` and `---`")])
        }
        let reader = YAMLReader(file: file, firstLine: split.yamlFirstLine)
        guard let root = reader.parse(yaml), let fields = reader.fields(root, "an action's front matter", allowed: Self.keys) else {
            return (nil, reader.diagnostics)
        }
        let name = String((file.path as NSString).lastPathComponent.dropLast(3))
        let id = fields["id"].flatMap { reader.identifier($0, "`id`") } ?? Slug.make(name)
        guard let title = fields.string("title"), !title.trimmingSpaces().isEmpty else {
            reader.error("an action needs a `title`", at: fields["title"] ?? root, hint: "what the team will do, e.g. title: Call every new clinic in week one")
            return (nil, reader.diagnostics)
        }
        let status = fields["status"].flatMap { reader.choice($0, "`status`", as: ImprovementAction.Status.self) } ?? .planned
        let start = date(fields, "start", reader), due = date(fields, "due", reader)
        if let start, let due, due < start, let node = fields["due"] {
            reader.error("`due` (\(due)) comes before `start` (\(start))", at: node)
        }
        if start == nil, fields["start"] == nil, status == .inProgress || status == .done {
            reader.error("an action that is \(status.rawValue) needs a `start` date", at: fields["status"] ?? root,
                         hint: "the day the change reached customers, e.g. start: 2026-10-01; its effect is measured from the first wave after it")
        }
        let addresses = fields["addresses"].flatMap { reader.sequence($0, "`addresses`") }?.compactMap { addressed($0, reader) } ?? []
        var targets: [ImprovementAction.Target] = []
        if let node = fields["targets"], let items = reader.sequence(node, "`targets`") {
            targets = items.compactMap { target($0, reader) }
        }
        let action = ImprovementAction(
            id: id, title: title, owner: fields.string("owner"), status: status, start: start, due: due, addresses: addresses,
            targets: targets, body: CommonMark.parse(split.body, firstLine: split.bodyFirstLine), file: file.path)
        return (reader.diagnostics.hasErrors ? nil : action, reader.diagnostics)
    }

    func date(_ fields: Fields, _ key: String, _ reader: YAMLReader) -> CalendarDate? {
        guard let node = fields[key], let text = reader.string(node, "`\(key)`") else { return nil }
        guard let date = CalendarDate(text) else {
            reader.error("`\(key)` must be a date written YYYY-MM-DD, not `\(text)`", at: node, hint: "e.g. \(key): 2026-10-01")
            return nil
        }
        return date
    }

    func addressed(_ node: YAMLNode, _ reader: YAMLReader) -> ImprovementAction.Addressed? {
        guard let text = reader.string(node, "each entry of `addresses`") else { return nil }
        let kinds = ImprovementAction.Addressed.Kind.allCases.map(\.rawValue)
        guard let colon = text.firstIndex(of: ":"), let kind = ImprovementAction.Addressed.Kind(rawValue: String(text[..<colon])),
              text.index(after: colon) != text.endIndex else {
            reader.error("`\(text)` in `addresses` must be written kind:id, with kind one of \(kinds.joined(separator: ", "))", at: node,
                         hint: "e.g. need:checklist, theme:onboarding, dimension:service")
            return nil
        }
        return ImprovementAction.Addressed(kind: kind, id: String(text[text.index(after: colon)...]), location: reader.location(of: node))
    }

    func target(_ node: YAMLNode, _ reader: YAMLReader) -> ImprovementAction.Target? {
        guard let fields = reader.fields(node, "a target", allowed: Self.targetKeys) else { return nil }
        guard let metricNode = fields["metric"], let written = reader.string(metricNode, "`metric`") else {
            reader.error("a target needs a `metric`", at: node, hint: "one of \(Metric.forms.joined(separator: ", ")), e.g. {metric: gap.service, value: -1}")
            return nil
        }
        guard let valueNode = fields["value"] else {
            reader.error("target `\(written)` needs a `value`, the level it should reach", at: node)
            return nil
        }
        let check = MetricCheck(config: config)
        guard let metric = check.metric(written, at: metricNode, reader: reader),
              let value = reader.number(valueNode, "the target of `\(written)`"),
              check.check(value, for: metric, at: valueNode, reader: reader) else { return nil }
        var segment: ImprovementAction.Segment?
        if !metric.isSurveyFigure, let node = fields["persona"] ?? fields["segment"] {
            reader.error("`\(written)` counts service records, which have no persona or segment", at: node)
            return nil
        }
        if let persona = fields["persona"] {
            segment = reader.string(persona, "`persona`").map { .persona($0) }
        }
        if let node = fields["segment"] {
            if segment != nil {
                reader.error("a target is for one `persona` or one `segment`, not both", at: node)
                return nil
            }
            guard let entries = reader.mapping(node, "`segment`"), entries.count == 1, let entry = entries.first,
                  let value = reader.string(entry.value, "the value of `segment.\(entries.first?.key ?? "")`") else {
                if !reader.diagnostics.hasErrors {
                    reader.error("`segment` names one attribute and its value, e.g. {plan: basic}", at: node)
                }
                return nil
            }
            let attributes = Set(config.surveys.flatMap { $0.attributes.map(\.name) })
            guard attributes.contains(entry.key) else {
                reader.error("`segment` names attribute `\(entry.key)`, which no survey maps under `attributes`", at: entry.keyNode,
                             hint: Suggestion.didYouMean(entry.key, in: attributes.sorted()) ?? "known: \(attributes.sorted().joined(separator: ", "))")
                return nil
            }
            segment = .group(attribute: entry.key, value: value)
        }
        return ImprovementAction.Target(metric: metric, value: value, segment: segment, location: reader.location(of: node))
    }
}
