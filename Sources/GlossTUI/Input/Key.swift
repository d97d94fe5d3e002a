/// A key press as the run loop sees it, independent of the terminal backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, lower-cased: Ctrl-D is `.ctrl("d")`.
    case ctrl(Character)
    case alt(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, altEnter, escape, backspace, delete, tab, backTab
    case function(Int)
    /// The window changed size; the run loop re-reads the terminal size.
    case resize
    case unknown(Int)
}

extension Key {
    /// The notation used in config files and the help screen: `j`, `<C-d>`, `<Down>`, `<Space>`.
    public var notation: String {
        switch self {
        case .char(" "): return "<Space>"
        case .char("<"): return "<lt>"
        case .char(let c): return String(c)
        case .ctrl(let c): return "<C-\(c)>"
        case .alt(let c): return "<M-\(c)>"
        case .up: return "<Up>"
        case .down: return "<Down>"
        case .left: return "<Left>"
        case .right: return "<Right>"
        case .home: return "<Home>"
        case .end: return "<End>"
        case .pageUp: return "<PgUp>"
        case .pageDown: return "<PgDn>"
        case .enter: return "<Enter>"
        case .altEnter: return "<M-Enter>"
        case .escape: return "<Esc>"
        case .backspace: return "<BS>"
        case .delete: return "<Del>"
        case .tab: return "<Tab>"
        case .backTab: return "<S-Tab>"
        case .function(let n): return "<F\(n)>"
        case .resize: return "<Resize>"
        case .unknown(let code): return "<\(code)>"
        }
    }

    /// Parses the notation of `notation`; nil if it names no key.
    public init?(notation: String) {
        if notation.count == 1, let c = notation.first {
            self = .char(c)
            return
        }
        guard notation.hasPrefix("<"), notation.hasSuffix(">"), notation.count > 2 else { return nil }
        let inner = String(notation.dropFirst().dropLast())
        let lower = inner.lowercased()
        let named: [String: Key] = [
            "space": .char(" "), "lt": .char("<"), "up": .up, "down": .down, "left": .left, "right": .right,
            "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
            "pagedown": .pageDown, "enter": .enter, "cr": .enter, "return": .enter, "m-enter": .altEnter,
            "a-enter": .altEnter, "esc": .escape, "escape": .escape, "bs": .backspace, "backspace": .backspace,
            "del": .delete, "delete": .delete, "tab": .tab, "s-tab": .backTab,
        ]
        if let key = named[lower] {
            self = key
            return
        }
        if lower.hasPrefix("c-"), inner.count == 3, let c = lower.last, c.isLetter || "[]\\^_".contains(c) {
            self = .ctrl(c)
            return
        }
        if (lower.hasPrefix("m-") || lower.hasPrefix("a-")), inner.count == 3, let c = inner.last {
            self = .alt(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }
}
