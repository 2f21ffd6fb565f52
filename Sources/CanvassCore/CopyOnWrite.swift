/// A value kept in one shared box, copied only when a copy of it is changed: for types whose
/// values are copied far more often than changed (a note or excerpt is filed under several
/// themes, needs and personas), so that a copy costs one reference, not every field.
public struct CopyOnWrite<Value> {
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    public init(_ value: Value) {
        box = Box(value)
    }

    /// The value; changing it first gives this copy a box of its own if another copy shares it.
    public var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// Whether the two share one box: then they are the same value, at no cost to find out.
    public func sharesStorage(with other: CopyOnWrite) -> Bool {
        box === other.box
    }
}

// A box is changed only through `value`, and only when no other copy holds it.
extension CopyOnWrite: @unchecked Sendable where Value: Sendable {}
