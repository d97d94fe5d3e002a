// TEMPORARY stand-in until the config branch lands.
public struct Keymap: Sendable {
    var table: [Mode: [Key: Action]]
    public static let defaults = Keymap(table: [
        .library: [.char("j"): .moveDown, .down: .moveDown, .char("k"): .moveUp, .up: .moveUp, .char("g"): .top, .char("G"): .bottom, .home: .top, .end: .bottom, .pageDown: .pageDown, .pageUp: .pageUp, .enter: .open, .char("l"): .open, .char("/"): .filter, .escape: .clearFilter, .char("q"): .quit, .char("Q"): .quit, .char("?"): .help, .ctrl("l"): .redraw, .ctrl("z"): .suspend],
        .reader: [.char("j"): .moveDown, .down: .moveDown, .char("k"): .moveUp, .up: .moveUp, .char(" "): .pageDown, .pageDown: .pageDown, .char("f"): .pageDown, .char("b"): .pageUp, .pageUp: .pageUp, .ctrl("d"): .halfPageDown, .ctrl("u"): .halfPageUp, .char("g"): .top, .home: .top, .char("G"): .bottom, .end: .bottom, .char("]"): .nextHeading, .char("["): .previousHeading, .char("/"): .search, .char("n"): .searchNext, .char("N"): .searchPrevious, .char("q"): .back, .char("Q"): .quit, .char("?"): .help, .ctrl("l"): .redraw, .ctrl("z"): .suspend],
    ])
    public func action(for key: Key, in mode: Mode) -> Action? { table[mode]?[key] }
    public func bindings(in mode: Mode) -> [(keys: [Key], action: Action)] {
        var byAction: [Action: [Key]] = [:]
        for (k, a) in table[mode] ?? [:] { byAction[a, default: []].append(k) }
        return Action.allCases.compactMap { a in byAction[a].map { (keys: $0.sorted { $0.notation < $1.notation }, action: a) } }
    }
}
