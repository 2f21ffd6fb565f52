/// A persona as a card (`partials/persona-card.mustache`): name, size, summary, NPS, its three
/// strongest traits and photo; on the persona's own page also its narrative and the uncertainty
/// of its figures (`detail`).
struct PersonaCard: ViewModel {
    let name: String
    let href: String
    let share: String
    let size: String
    let summary: String
    let nps: String
    let traits: [Named]
    /// "" without a photo.
    let photo: String
    var detail: Detail?

    /// What the persona's page adds to its card.
    struct Detail {
        let narrativeHTML: String
        let hasNarrative: Bool
        let csat: String
        let csatCI: String
        let npsMoe: String
        let npsN: String
        let smallNPS: Bool
    }

    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "href": return href
        case "share": return share
        case "size": return size
        case "summary": return summary
        case "nps": return nps
        case "traits": return traits
        case "photo": return photo
        default: break
        }
        guard let detail else { return nil }
        switch name {
        case "narrativeHTML": return detail.narrativeHTML
        case "hasNarrative": return detail.hasNarrative
        case "csat": return detail.csat
        case "csatCI": return detail.csatCI
        case "npsMoe": return detail.npsMoe
        case "npsN": return detail.npsN
        case "smallNPS": return detail.smallNPS
        default: return nil
        }
    }

    var names: [String] {
        let card = ["href", "name", "nps", "photo", "share", "size", "summary", "traits"]
        guard detail != nil else { return card }
        return (card + ["csat", "csatCI", "hasNarrative", "narrativeHTML", "npsMoe", "npsN", "smallNPS"]).sorted()
    }
}
