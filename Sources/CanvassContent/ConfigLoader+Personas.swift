import Foundation
import CanvassCore

extension ConfigLoader {
    func readPersonas(_ node: YAMLNode, surveys: [SurveyConfig]) -> PersonaConfig? {
        guard let fields = reader.fields(node, "`personas`", allowed: ["method", "attributes", "k", "seed", "segments"]) else { return nil }
        var personas = PersonaConfig()
        if let node = fields["method"], let method = reader.choice(node, "`personas.method`", as: PersonaConfig.Method.self) {
            personas.method = method
        }
        if let node = fields["attributes"], let names = reader.strings(node, "`personas.attributes`") {
            personas.attributes = names
            checkAttributes(names, at: node, key: "personas.attributes", surveys: surveys)
        }
        if let node = fields["k"], let text = reader.string(node, "`personas.k`") {
            if text == "auto" {
                personas.k = .auto
            } else if let k = Int(text), (2...20).contains(k) {
                personas.k = .fixed(k)
            } else {
                reader.error("`personas.k` must be `auto` or a whole number from 2 to 20, not `\(text)`", at: node)
            }
        }
        if let node = fields["seed"], let text = reader.string(node, "`personas.seed`") {
            if let seed = UInt64(text) {
                personas.seed = seed
            } else {
                reader.error("`personas.seed` must be a whole number of 0 or more, not `\(text)`", at: node)
            }
        }
        if let node = fields["segments"], let items = reader.sequence(node, "`personas.segments`") {
            personas.segments = items.compactMap(readSegment)
        }
        if personas.method == .rules && personas.segments.isEmpty {
            reader.error("`personas.method: rules` needs `segments`", at: node, hint: "e.g. segments: [{id: small-clinics, where: {plan: [basic]}}]")
        }
        return personas
    }

    private func readSegment(_ node: YAMLNode) -> PersonaConfig.Segment? {
        guard let fields = reader.fields(node, "a segment", allowed: ["id", "label", "where"]) else { return nil }
        guard let idNode = fields["id"] else {
            reader.error("a segment needs an `id`", at: node)
            return nil
        }
        guard let id = reader.identifier(idNode, "segment id") else { return nil }
        var conditions: [(attribute: String, condition: PersonaConfig.Segment.Condition)] = []
        if let whereNode = fields["where"], let entries = reader.mapping(whereNode, "segment `\(id)`'s `where`") {
            for entry in entries {
                if case .sequence = entry.value, let values = reader.strings(entry.value, "`\(entry.key)`") {
                    conditions.append((entry.key, .oneOf(values)))
                } else if let text = reader.string(entry.value, "`\(entry.key)`") {
                    if let comparison = Self.comparison(text) {
                        conditions.append((entry.key, comparison))
                    } else {
                        conditions.append((entry.key, .oneOf([text])))
                    }
                }
            }
        }
        return PersonaConfig.Segment(id: id, label: fields.string("label"), conditions: conditions, location: reader.location(of: node))
    }

    /// `<40`, `<=40`, `>65`, `>=65` → a numeric comparison.
    static func comparison(_ text: String) -> PersonaConfig.Segment.Condition? {
        for op in ["<=", ">=", "<", ">"] where text.hasPrefix(op) {
            let number = text.dropFirst(op.count).trimmingSpaces()
            if let value = Double(number) { return .compare(op: op, value: value) }
        }
        return nil
    }
}
