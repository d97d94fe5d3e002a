import GlossCore

/// `?`: every binding of the active keymap for the current mode, read live from the keymap.
public enum HelpOverlay {
    /// The help text lines for a mode: "keys   summary".
    public static func lines(for mode: Mode, keymap: Keymap) -> [String] {
        let bindings = keymap.bindings(in: mode)
        let keyTexts = bindings.map { $0.keys.map(\.notation).joined(separator: " ") }
        let keyWidth = min(24, keyTexts.map { DisplayWidth.of($0) }.max() ?? 0)
        var lines = ["Keys in \(title(of: mode)) (from your keymap)", ""]
        for (keys, binding) in zip(keyTexts, bindings) {
            let pad = String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(keys) + 2))
            lines.append(keys + pad + binding.action.summary)
        }
        lines.append("")
        lines.append("Search/filter prompt: Enter keeps, Esc cancels, Ctrl-U/W/K edit.")
        return lines
    }

    static func title(of mode: Mode) -> String {
        switch mode {
        case .library: return "the library"
        case .reader: return "the reader"
        case .visual: return "visual selection"
        case .pane: return "the notes pane"
        case .links: return "the link list (type a number to jump to it)"
        }
    }

    public static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
        let content = lines(for: state.mode, keymap: state.keymap)
        let width = min(area.width - 2, max(40, (content.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
        let height = min(area.height - 2, content.count + 2)
        guard width > 4, height > 2 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        let border = state.theme.style(.paneBorder)
        buffer.fill(box)
        let horizontal = String(repeating: "─", count: max(0, width - 2))
        buffer.put("┌" + horizontal + "┐", x: box.x, y: box.y, style: border)
        buffer.put("└" + horizontal + "┘", x: box.x, y: box.maxY - 1, style: border)
        for y in (box.y + 1)..<(box.maxY - 1) {
            buffer.put("│", x: box.x, y: y, style: border)
            buffer.put("│", x: box.maxX - 1, y: y, style: border)
        }
        let rows = height - 2
        let scroll = max(0, min(state.helpScroll, content.count - rows))
        for row in 0..<rows where scroll + row < content.count {
            let style = scroll + row == 0 ? state.theme.style(.title) : Style.plain
            buffer.put(content[scroll + row], x: box.x + 2, y: box.y + 1 + row, style: style, maxWidth: width - 4)
        }
        let hint = content.count > rows ? " j/k scroll · any key closes " : " any key closes "
        buffer.put(hint, x: box.maxX - DisplayWidth.of(hint) - 2, y: box.maxY - 1, style: border)
    }
}
