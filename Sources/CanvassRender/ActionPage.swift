/// The values of the actions page (`pages/actions.mustache`): every action as a row.
struct ActionsPage: ViewModel {
    let actions: [ActionRow]
    let asOf: String
    let summary: String

    func child(named name: String) -> Any? {
        switch name {
        case "actions": return actions
        case "asOf": return asOf
        case "summary": return summary
        default: return nil
        }
    }

    var names: [String] { ["actions", "asOf", "summary"] }
}

/// The values of an action's page (`pages/action.mustache`): its row, its text, what it
/// addresses with the evidence behind it, and its effect on each target.
struct ActionPage: ViewModel {
    let row: ActionRow
    let bodyHTML: String
    let asOf: String
    let addresses: [AddressedView]
    let effects: [EffectView]
    let source: String

    func child(named name: String) -> Any? {
        switch name {
        case "row": return row
        case "bodyHTML": return bodyHTML
        case "asOf": return asOf
        case "addresses": return addresses
        case "hasAddresses": return !addresses.isEmpty
        case "effects": return effects
        case "hasEffects": return !effects.isEmpty
        case "source": return source
        default: return nil
        }
    }

    var names: [String] { ["addresses", "asOf", "bodyHTML", "effects", "hasAddresses", "hasEffects", "row", "source"] }
}

/// An action as a row: its status, owner, dates, verdict and how many targets it met.
struct ActionRow: ViewModel {
    let title: String
    let href: String
    let status: String
    let statusClass: String
    let owner: String
    let start: String
    let startValue: String
    let due: String
    let dueValue: String
    let overdue: Bool
    let verdict: String
    let verdictClass: String
    let targetsMet: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "status": return status
        case "statusClass": return statusClass
        case "owner": return owner
        case "start": return start
        case "startValue": return startValue
        case "due": return due
        case "dueValue": return dueValue
        case "overdue": return overdue
        case "verdict": return verdict
        case "verdictClass": return verdictClass
        case "targetsMet": return targetsMet
        default: return nil
        }
    }

    var names: [String] {
        ["due", "dueValue", "href", "overdue", "owner", "start", "startValue", "status", "statusClass", "targetsMet", "title", "verdict", "verdictClass"]
    }
}

/// A need, theme or dimension an action addresses, with a link and up to three excerpts behind it.
struct AddressedView: ViewModel {
    let kind: String
    let label: String
    let href: String
    let excerpts: [ExcerptView]

    func child(named name: String) -> Any? {
        switch name {
        case "kind": return kind
        case "label": return label
        case "href": return href
        case "excerpts": return excerpts
        default: return nil
        }
    }

    var names: [String] { ["excerpts", "href", "kind", "label"] }
}

/// An action's effect on one target: the figure before and after, the difference with its
/// interval and test, the verdict, and whether the target was met.
struct EffectView: ViewModel {
    let label: String
    let svg: String
    let target: String
    let sides: [EffectSide]
    let difference: String
    let ci: String
    let test: String
    let verdict: String
    let verdictClass: String
    let met: Bool
    let missed: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "svg": return svg
        case "target": return target
        case "sides": return sides
        case "difference": return difference
        case "ci": return ci
        case "test": return test
        case "verdict": return verdict
        case "verdictClass": return verdictClass
        case "met": return met
        case "missed": return missed
        default: return nil
        }
    }

    var names: [String] { ["ci", "difference", "label", "met", "missed", "sides", "svg", "target", "test", "verdict", "verdictClass"] }
}

/// The wave before or after an action, as its effect table shows it.
struct EffectSide: ViewModel {
    let label: String
    let wave: String
    let n: String
    let value: String
    let ci: String
    let small: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "wave": return wave
        case "n": return n
        case "value": return value
        case "ci": return ci
        case "small": return small
        default: return nil
        }
    }

    var names: [String] { ["ci", "label", "n", "small", "value", "wave"] }
}
