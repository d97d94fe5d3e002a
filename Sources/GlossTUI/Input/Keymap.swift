/// Translates keys into actions, one table per mode. The only place where a key
/// becomes an `Action`, so remapping from the config and the `?` help share it.
public struct Keymap: Sendable, Equatable {
    private var actions: [Mode: [Key: Action]] = [:]
    /// Keys per mode in the order they were bound, so the help screen lists
    /// the primary key (`j`) before its alternatives (`<Down>`).
    private var order: [Mode: [Key]] = [:]

    /// A keymap with no bindings at all.
    public init() {}

    /// A keymap holding exactly `bindings`, bound in order.
    public init(_ bindings: [Mode: [(Key, Action)]]) {
        for mode in Mode.allCases {
            for (key, action) in bindings[mode] ?? [] {
                bind(key, to: action, in: mode)
            }
        }
    }

    /// The action `key` asks for in `mode`, or nil when it is unbound.
    public func action(for key: Key, in mode: Mode) -> Action? {
        actions[mode]?[key]
    }

    /// The keys bound to `action` in `mode`, primary key first.
    public func keys(for action: Action, in mode: Mode) -> [Key] {
        guard let table = actions[mode] else { return [] }
        return (order[mode] ?? []).filter { table[$0] == action }
    }

    /// Every bound action in `mode` with its keys, for the help screen: actions in
    /// `Action` declaration order (movement, screens, annotations, selection), keys in binding order.
    public func bindings(in mode: Mode) -> [(keys: [Key], action: Action)] {
        guard let table = actions[mode] else { return [] }
        var keysByAction: [Action: [Key]] = [:]
        for key in order[mode] ?? [] {
            if let action = table[key] {
                keysByAction[action, default: []].append(key)
            }
        }
        return Action.allCases.compactMap { action in
            keysByAction[action].map { (keys: $0, action: action) }
        }
    }

    /// Binds `key` to `action` in `mode`, replacing any earlier binding of that key;
    /// a nil action unbinds the key.
    public mutating func bind(_ key: Key, to action: Action?, in mode: Mode) {
        let wasBound = actions[mode]?[key] != nil
        if let action {
            actions[mode, default: [:]][key] = action
            if !wasBound { order[mode, default: []].append(key) }
        } else if wasBound {
            actions[mode]?[key] = nil
            order[mode]?.removeAll { $0 == key }
        }
    }

    /// Two keymaps are equal when every key means the same in every mode; binding order is ignored.
    public static func == (lhs: Keymap, rhs: Keymap) -> Bool {
        Mode.allCases.allSatisfy { (lhs.actions[$0] ?? [:]) == (rhs.actions[$0] ?? [:]) }
    }
}

extension Keymap: CustomStringConvertible {
    /// Every binding as `mode: key=action, ...`, keys sorted, for readable test failures and logs.
    public var description: String {
        Mode.allCases.map { mode in
            let pairs = (actions[mode] ?? [:]).map { "\($0.key.notation)=\($0.value.rawValue)" }.sorted()
            return "\(mode.rawValue): " + pairs.joined(separator: " ")
        }.joined(separator: "; ")
    }
}
