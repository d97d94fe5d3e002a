/// What the benchmark must know about an article to recognise a program's screens on it.
struct ScreenTarget {
    /// The path given to the program.
    var path: String
    var fileName: String
    /// Paragraphs gloss finds in it: its status line shows `¶ N/N` at the end.
    var blockCount: Int
}

/// A program the benchmark drives on a pseudo-terminal (gloss, less or vim): its command line,
/// its keys, and how to recognise the screens it should reach.
struct ViewerProgram {
    enum Kind: String, Sendable {
        case gloss, less, vim
    }

    var kind: Kind
    var executable: String

    var name: String { kind.rawValue }

    /// The command line that opens `target` (gloss: `gloss read FILE --articles DIR --data DIR`;
    /// vim read-only without swap or viminfo files).
    func arguments(for target: ScreenTarget, articles: String, data: String) -> [String] {
        switch kind {
        case .gloss: return ["read", target.path, "--articles", articles, "--data", data]
        case .less: return [target.path]
        case .vim: return ["-R", "-n", "-i", "NONE", target.path]
        }
    }

    var quitKeys: String {
        switch kind {
        case .gloss: return "Q"
        case .less: return "q"
        case .vim: return ":qa!\r"
        }
    }

    static func searchKeys(_ word: String) -> String { "/" + word + "\r" }

    /// The first screen is complete: the first paragraph is shown, and so is what the program
    /// draws last (gloss: its status line with `¶ 1/`, which shows `¶ 1/…` while the rest of a
    /// large file is still being read; less and vim: the file name at the bottom).
    func isFirstScreen(_ screen: TerminalScreen, _ target: ScreenTarget) -> Bool {
        guard screen.contains(ArticleGenerator.openingMarker) else { return false }
        let bottom = screen.row(screen.height - 1)
        switch kind {
        case .gloss: return bottom.contains("¶ 1/")
        case .less, .vim: return bottom.contains(target.fileName)
        }
    }

    /// The first screen of the whole article: for gloss, the status line counts every paragraph
    /// (`¶ 1/N`), so keys act on all of the text from here on.
    func isWholeArticleScreen(_ screen: TerminalScreen, _ target: ScreenTarget) -> Bool {
        guard isFirstScreen(screen, target) else { return false }
        return kind != .gloss || screen.row(screen.height - 1).contains("¶ 1/\(target.blockCount)")
    }

    /// The last paragraph is shown and the bottom line says the view is at the end
    /// (gloss `¶ N/N`, less `(END)`, vim's ruler `Bot`).
    func isEndScreen(_ screen: TerminalScreen, _ target: ScreenTarget) -> Bool {
        guard screen.contains(ArticleGenerator.closingMarker) else { return false }
        let bottom = screen.row(screen.height - 1)
        switch kind {
        case .gloss: return bottom.contains("¶ \(target.blockCount)/\(target.blockCount)")
        case .less: return bottom.contains("(END)")
        case .vim: return bottom.contains("Bot")
        }
    }

    /// After a search for the word of the last paragraph: that paragraph is shown and the
    /// prompt has closed (gloss `¶ N/N`; less back at its `:` or `(END)` prompt; vim's ruler).
    func isSearchScreen(_ screen: TerminalScreen, _ target: ScreenTarget) -> Bool {
        guard screen.contains(ArticleGenerator.closingMarker) else { return false }
        let bottom = screen.row(screen.height - 1)
        switch kind {
        case .gloss: return bottom.contains("¶ \(target.blockCount)/\(target.blockCount)")
        case .less:
            let prompt = bottom.trimmingTrailingSpaces
            return prompt == ":" || prompt.contains("(END)")
        case .vim: return bottom.contains("Bot")
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
