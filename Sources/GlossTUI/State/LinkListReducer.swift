import GlossCore

/// Keys of the link list, `o` in the reader and the library, and the pages saved from links.
extension AppState {
    /// `L` in the reader.
    mutating func openLinkList() -> [Effect] {
        guard let view = reader else { return [] }
        let links = view.article.numberedLinks
        guard !links.isEmpty else {
            message = StatusMessage("this article has no links")
            return []
        }
        linkList = LinkListState(links: links, focus: view.focus)
        return []
    }

    /// Text typed into the list's filter and digits typed to jump to a link, which no keymap
    /// holds; nil when the key is for the keymap.
    mutating func handleLinkListInput(_ key: Key) -> [Effect]? {
        guard var list = linkList else { return nil }
        defer { linkList = list }
        if list.isFiltering {
            switch key {
            case .enter:
                list.isFiltering = false
            case .escape:
                list.isFiltering = false
                list.filter = TextField()
                list.selected = 0
            default:
                if list.filter.handle(key) == .edited { list.selected = 0 }
            }
            return []
        }
        if case .char(let c) = key, c.isASCII, c.isNumber, keymap.action(for: key, in: .links) == nil {
            list.typedNumber = String((list.typedNumber + String(c)).suffix(6))
            if !list.select(number: Int(list.typedNumber) ?? 0) {
                // A new number starts with this digit when the digits so far name no link.
                list.typedNumber = String(c)
                if !list.select(number: Int(list.typedNumber) ?? 0) {
                    message = StatusMessage("no link \(list.typedNumber)")
                }
            }
            return []
        }
        list.typedNumber = ""
        return nil
    }

    mutating func handleLinkList(_ action: Action) -> [Effect] {
        guard var list = linkList else { return [] }
        var closes = false
        defer { linkList = closes ? nil : list }
        let page = max(1, bodyHeight - 4)
        switch action {
        case .moveDown: list.move(by: 1)
        case .moveUp: list.move(by: -1)
        case .pageDown: list.move(by: page)
        case .pageUp: list.move(by: -page)
        case .top: list.selected = 0
        case .bottom: list.move(by: list.visible.count)
        case .filter: list.isFiltering = true
        case .closeList, .back, .cancel:
            closes = true
        case .openInBrowser:
            guard let link = list.selectedLink else { return [] }
            return openInBrowser(link.url)
        case .showURL:
            guard let link = list.selectedLink else { return [] }
            message = StatusMessage(TerminalSafe.visible(link.url), needsWholeLine: true)
        case .saveLink:
            guard let link = list.selectedLink, let view = reader else { return [] }
            if let refusal = LinkURL.refusal(toOpen: link.url) ?? Self.notAWebPage(link.url) {
                message = StatusMessage(refusal, isError: true)
                return []
            }
            pageSavesRunning += 1
            message = StatusMessage("saving …")
            return [.saveLinkedPage(url: link.url, via: view.relativePath)]
        default:
            break
        }
        return []
    }

    /// Only web pages can be saved: a `mailto:` link cannot.
    private static func notAWebPage(_ url: String) -> String? {
        let scheme = LinkURL.scheme(of: url)
        return scheme == "http" || scheme == "https" ? nil : "only http and https pages can be saved"
    }

    /// `o` in the reader: the article's own URL.
    mutating func openArticleURL() -> [Effect] {
        guard let url = reader?.article.metadata.url, !url.isEmpty else {
            message = StatusMessage("this article has no URL (front matter url)")
            return []
        }
        return openInBrowser(url)
    }

    /// Opens `url` in the browser, unless it is not a link a browser may be given.
    mutating func openInBrowser(_ url: String) -> [Effect] {
        if let refusal = LinkURL.refusal(toOpen: url) {
            message = StatusMessage(refusal, isError: true)
            return []
        }
        message = StatusMessage("opening \(TerminalSafe.visible(url))")
        return [.openURL(url, inTerminal: linkSettings.browserInTerminal)]
    }

    /// News of a page being saved in the background.
    mutating func applyPageSave(_ update: PageSaveUpdate) -> [Effect] {
        pageSavesRunning = max(0, pageSavesRunning - 1)
        switch update {
        case .saved(let path, let title, let existed):
            offeredArticle = path
            let shown = TerminalSafe.visible(title)
            let text = existed ? "already saved \"\(shown)\" (one copy kept)" : "saved \"\(shown)\""
            message = StatusMessage(text + " — press Enter to read it", needsWholeLine: true)
            return [.reloadLibrary]
        case .failed(let url, let reason):
            message = StatusMessage("could not save \(TerminalSafe.visible(url)): \(reason)", isError: true, needsWholeLine: true)
            return []
        }
    }

    /// The key after a page was saved: Enter opens it, any other key dismisses the offer (and
    /// does what it always does).
    mutating func takeOffer(_ key: Key) -> [Effect]? {
        guard let path = offeredArticle else { return nil }
        offeredArticle = nil
        guard key == .enter else { return nil }
        linkList = nil
        visual = nil
        message = nil
        pendingOpen = path
        return saveEffects() + annotationSaveEffects() + [.openArticle(relativePath: path)]
    }
}

/// What became of a page saved from a link.
public enum PageSaveUpdate: Hashable, Sendable {
    /// Saved as `relativePath` (or found already saved there).
    case saved(relativePath: String, title: String, existed: Bool)
    case failed(url: String, message: String)
}
