/// The members of a JSON object: looked up by key like a dictionary, kept in the order they were
/// added, so a writer can keep a deliberate order (exports) or sort the keys (data files).
/// Two objects are equal when they hold the same members, whatever their order.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: JSONValue)

    private var keys: [String] = []
    private var values: [String: JSONValue] = [:]

    public init() {}

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    public init(_ dictionary: [String: JSONValue]) {
        for (key, value) in dictionary { self[key] = value }
    }

    /// The value of `key`; setting nil removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Removes the member `key`; returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = nil
        return old
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    /// The keys in the order they were added.
    public var orderedKeys: [String] { keys }

    public func makeIterator() -> AnyIterator<Element> {
        var position = 0
        return AnyIterator {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            let key = keys[position]
            return (key, values[key] ?? .null)
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(values)
    }
}
