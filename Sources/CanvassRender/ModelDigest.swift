import CanvassCore
import CanvassSupport

/// A digest of a page's view model: two 64-bit multiply-and-shift hashes with different multipliers,
/// fed a tagged, canonical walk of the model (dictionary keys in sorted order). A page's bytes are
/// a function of its template set and its view model, so a page whose model digest and theme are
/// those of the previous build renders to the bytes that build wrote (`PageReuse`).
///
/// Not for security: it only has to tell apart the models of one project from build to build.
struct ModelDigest {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x8422_2325_cbf2_9ce4

    /// The digest of `model` rendered with `template`, as 32 hex digits; nil when the model holds a
    /// value of a kind the walk does not know (such a page is always rendered). `shared`: values
    /// of the model's top level every page shares, with a digest worked out once (the UI strings).
    static func of(_ model: any ViewModel, template: String, shared: [String: String] = [:]) -> String? {
        var digest = ModelDigest()
        digest.add(template)
        guard digest.add(model: model, shared: shared) else { return nil }
        return digest.hex
    }

    /// A model as its names in order, each with its value (a name the model has no value for as
    /// nothing); `shared` digests stand for the values of their names.
    private mutating func add(model: any ViewModel, shared: [String: String] = [:]) -> Bool {
        let names = model.names
        tag(5)
        add(names.count)
        for name in names {
            add(name)
            if let known = shared[name] {
                tag(9)
                add(known)
            } else if let value = model.child(named: name) {
                guard add(value: value) else { return false }
            } else {
                tag(0)
            }
        }
        return true
    }

    /// The digest of one value on its own, for `shared`.
    static func of(value: Any) -> String? {
        var digest = ModelDigest()
        return digest.add(value: value) ? digest.hex : nil
    }

    private var hex: String {
        [first, second].map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    private mutating func byte(_ byte: UInt8) {
        first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        second = (second ^ UInt64(byte)) &* 0x9e37_79b9_7f4a_7c15
    }

    /// Eight bytes at once; each step is a bijection of each lane, as the byte steps are.
    private mutating func word(_ value: UInt64) {
        first = (first ^ value) &* 0x0000_0100_0000_01b3
        first ^= first >> 29
        second = (second ^ value) &* 0x9e37_79b9_7f4a_7c15
        second ^= second >> 31
    }

    private mutating func tag(_ kind: UInt8) { byte(kind) }

    private mutating func add(_ number: Int) {
        word(UInt64(bitPattern: Int64(number)))
    }

    /// Text with its length first, so that no two sequences of texts run together alike; read
    /// eight bytes at a time (a note page's body is kilobytes).
    private mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { utf8 in
            add(utf8.count)
            ContentDigest.words(of: UnsafeRawBufferPointer(utf8)) { word($0) }
        }
    }

    private mutating func add(value: Any) -> Bool {
        switch value {
        case let text as String:
            tag(1)
            add(text)
        case let flag as Bool:
            tag(2)
            byte(flag ? 1 : 0)
        case let number as Int:
            tag(3)
            add(number)
        case let number as Double:
            tag(4)
            add(Int(bitPattern: UInt(number.bitPattern)))
        case let dictionary as [String: Any]:
            tag(5)
            add(dictionary.count)
            for (key, item) in dictionary.sorted(by: { $0.key < $1.key }) {
                add(key)
                guard add(value: item) else { return false }
            }
        case let model as any ViewModel:
            guard add(model: model) else { return false }
        case let rows as any ViewModelArray:
            // As `[Any]` below, without the cast making a new array of every list of rows.
            tag(6)
            add(rows.count)
            guard rows.allModels({ add(model: $0) }) else { return false }
        case let array as [Any]:
            tag(6)
            add(array.count)
            for item in array {
                guard add(value: item) else { return false }
            }
        default:
            return false
        }
        return true
    }
}

/// An array of view models, which the digest walks as it is rather than cast to `[Any]`.
protocol ViewModelArray {
    var count: Int { get }
    /// Whether `body` holds for every element, stopping at the first for which it does not.
    func allModels(_ body: (any ViewModel) -> Bool) -> Bool
}

extension Array: ViewModelArray where Element: ViewModel {
    func allModels(_ body: (any ViewModel) -> Bool) -> Bool {
        allSatisfy { body($0) }
    }
}

/// Pages of the previous build that may stand for this build's (`canvass build` with its cache).
public struct PageReuse: Sendable {
    /// The view-model digest of every page the previous build rendered, by site path.
    public var models: [String: String]
    /// The previous build's bytes of a page, if the site still holds exactly what it wrote there.
    public var bytes: @Sendable (_ path: String) -> [UInt8]?

    public init(models: [String: String], bytes: @escaping @Sendable (_ path: String) -> [UInt8]?) {
        self.models = models
        self.bytes = bytes
    }
}
