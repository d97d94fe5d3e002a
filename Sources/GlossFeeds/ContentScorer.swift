/// Finds the element holding a page's article text, readability-style.
///
/// An `<article>`, `<main>` or `role="main"` holding most of the text wins outright. Otherwise every
/// paragraph scores its ancestors (up to five levels, less further up) by its length and commas;
/// each candidate starts from its tag and class hints and is discounted by its share of link text.
/// The best candidate is read together with siblings that score nearly as well.
enum ContentScorer {
    /// Less paragraph text than this and a semantic container is not trusted on its own.
    static let minimumSemanticText = 140
    /// The least share of the page's paragraph text a semantic container must hold.
    static let minimumSemanticShare = 0.4
    /// The least share of a semantic container's paragraph text the story's body found in it must hold.
    static let minimumShareOfContainer = 0.6
    /// Paragraphs shorter than this do not vote.
    static let minimumParagraphText = 25

    /// The elements to read, in document order; the body itself when nothing scores.
    static func mainContent(of body: XMLNode) -> [XMLNode] {
        // Inside an `<article>` or `<main>`, the story's body is still looked for: the container
        // also holds the headline, the dateline, share bars and the author's biography.
        let container = semanticContainer(in: body) ?? body
        let scores = self.scores(in: container)
        let ranked = scores.values.sorted { $0.score > $1.score }
        guard let best = ranked.first else { return [container] }
        let shared = sharedAncestor(of: best, rivals: ranked.dropFirst().prefix(4), in: container)
        let top = widened(shared ?? best.node, score: best.score, in: container, scores: scores)
        let chosen = withRelatedSiblings(top, in: container, scores: scores)
        // A semantic container is trusted over a choice inside it that misses much of its text
        // (a story written as lists, whose best paragraph is one item).
        if container.pointer != body.pointer {
            let chosenText = chosen.reduce(0) { $0 + paragraphTextLength(in: $1) }
            if Double(chosenText) < Double(paragraphTextLength(in: container)) * minimumShareOfContainer { return [container] }
        }
        return chosen
    }

    /// When several candidates score nearly as well as the best one (the parts of a story split
    /// into like boxes), the nearest ancestor of the best that holds at least three of them.
    private static func sharedAncestor(
        of best: (node: XMLNode, score: Double), rivals: ArraySlice<(node: XMLNode, score: Double)>, in body: XMLNode
    ) -> XMLNode? {
        let close = rivals.filter { best.score > 0 && $0.score / best.score >= 0.75 }
        guard close.count >= 3 else { return nil }
        let ancestorSets = close.map { rival -> Set<UnsafeMutableRawPointer> in
            var set: Set<UnsafeMutableRawPointer> = []
            var ancestor = rival.node.parent
            while let current = ancestor {
                set.insert(UnsafeMutableRawPointer(current.pointer))
                ancestor = current.parent
            }
            return set
        }
        var ancestor = best.node.parent
        while let current = ancestor, current.pointer != body.pointer {
            let key = UnsafeMutableRawPointer(current.pointer)
            if ancestorSets.filter({ $0.contains(key) }).count >= 3 { return current }
            ancestor = current.parent
        }
        return nil
    }

    /// The best candidate, moved up to an ancestor that holds more of the story: one that scores
    /// higher on the way up (a story split into several scored parts), then past wrappers whose
    /// only child it is, so that its siblings are the story's neighbours.
    private static func widened(_ best: XMLNode, score bestScore: Double, in body: XMLNode, scores: Scores) -> XMLNode {
        func score(of node: XMLNode) -> Double? { scores[UnsafeMutableRawPointer(node.pointer)]?.score }
        var top = best
        var last = bestScore
        var ancestor = best.parent
        while let current = ancestor, current.pointer != body.pointer {
            if let parentScore = score(of: current) {
                guard parentScore >= bestScore / 3 else { break }
                if parentScore > last {
                    top = current
                    break
                }
                last = parentScore
            }
            ancestor = current.parent
        }
        while let parent = top.parent, parent.pointer != body.pointer, parent.elements.count == 1 {
            top = parent
        }
        return top
    }

    private typealias Scores = [UnsafeMutableRawPointer: (node: XMLNode, score: Double)]

    /// The `<article>` with the most paragraph text, else `<main>` / `role="main"`.
    private static func semanticContainer(in body: XMLNode) -> XMLNode? {
        var articles: [XMLNode] = []
        var mains: [XMLNode] = []
        NodeWalk.elements(below: body) { node in
            if node.name == "article" { articles.append(node) }
            if node.name == "main" || node.attribute("role")?.lowercased() == "main" { mains.append(node) }
            return true
        }
        guard !articles.isEmpty || !mains.isEmpty else { return nil }
        // Teasers are often `<article>`s too: the container must hold most of the page's text.
        let pageText = paragraphTextLength(in: body)
        for group in [articles, mains] {
            let best = group.map { ($0, paragraphTextLength(in: $0)) }.max { $0.1 < $1.1 }
            if let best, best.1 >= minimumSemanticText, Double(best.1) >= Double(pageText) * minimumSemanticShare {
                return best.0
            }
        }
        return nil
    }

    private static func paragraphTextLength(in node: XMLNode) -> Int {
        NodeWalk.elements(below: node, named: ["p", "pre", "li", "blockquote", "td"]).reduce(0) { total, paragraph in
            // Nested paragraph-like elements (a `p` in a `li`) would count twice; only the outermost counts.
            if let parent = paragraph.parent, ["p", "li", "blockquote", "td"].contains(parent.name) { return total }
            return total + XMLText.collapsed(paragraph.text).count
        }
    }

    /// Candidates with their final scores, link density taken into account.
    private static func scores(in body: XMLNode) -> Scores {
        var scores: Scores = [:]
        func add(_ node: XMLNode, _ points: Double) {
            let key = UnsafeMutableRawPointer(node.pointer)
            if scores[key] == nil { scores[key] = (node, initialScore(of: node)) }
            scores[key]?.score += points
        }
        for paragraph in paragraphs(below: body) {
            let text = XMLText.collapsed(paragraph.text)
            guard text.count >= minimumParagraphText else { continue }
            let commas = text.reduce(0) { $0 + ($1 == "," || $1 == "，" || $1 == "、" ? 1 : 0) }
            let points = 1 + Double(commas) + min(Double(text.count) / 100, 3)
            // Ancestors share the points, less the further away they are, so that a container of
            // many short paragraphs outweighs the parent of any single one.
            var ancestor = paragraph.parent
            for level in 0..<5 {
                guard let current = ancestor else { break }
                add(current, points / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3))
                // Nothing outside the region looked at competes with it.
                if current.pointer == body.pointer { break }
                ancestor = current.parent
            }
        }
        for (key, candidate) in scores {
            scores[key]?.score = candidate.score * (1 - NodeWalk.linkDensity(of: candidate.node))
        }
        return scores
    }

    /// Siblings of the chosen element that belong with it: other well-scored containers and long,
    /// plain paragraphs (a story split across several `div`s), in document order.
    private static func withRelatedSiblings(_ top: XMLNode, in body: XMLNode, scores: Scores) -> [XMLNode] {
        guard top.pointer != body.pointer, let parent = top.parent else { return [top] }
        func score(of node: XMLNode) -> Double { scores[UnsafeMutableRawPointer(node.pointer)]?.score ?? 0 }
        let threshold = max(10, score(of: top) * 0.2)
        let topClass = top.attribute("class").map(XMLText.collapsed) ?? ""
        return parent.elements.filter { sibling in
            if sibling.pointer == top.pointer { return true }
            // Parts of one story are often marked alike (`<div class="step">` after `<div class="step">`).
            let bonus = !topClass.isEmpty && sibling.attribute("class").map(XMLText.collapsed) == topClass ? score(of: top) * 0.2 : 0
            let scored = scores[UnsafeMutableRawPointer(sibling.pointer)] != nil
            if scored, score(of: sibling) + bonus >= threshold, ClassHints.weight(of: sibling) >= 0 { return true }
            // A `div` of inline text is a paragraph too (a standfirst written as `<div class="perex">`).
            let paragraph = sibling.name == "p" || (sibling.name == "div" && !HTMLElements.containsBlock(sibling))
            guard paragraph, ClassHints.weight(of: sibling) >= 0 else { return false }
            let text = XMLText.collapsed(sibling.text)
            let density = NodeWalk.linkDensity(of: sibling)
            return (text.count > 80 && density < 0.25) || (text.count > 0 && density == 0 && text.contains(". "))
        }
    }

    /// Paragraph-like elements: `p`, `pre`, `td`, `blockquote`, and a `div` holding only inline
    /// content (older pages write paragraphs as `div`s).
    private static func paragraphs(below body: XMLNode) -> [XMLNode] {
        var found: [XMLNode] = []
        NodeWalk.elements(below: body) { node in
            switch node.name {
            case "p", "pre", "td", "blockquote", "h2", "h3", "h4", "h5", "h6":
                // Subheadings vote too: a part of a story may hold only a heading and a picture.
                found.append(node)
            case "div" where !node.elements.contains(where: { HTMLElements.blocks.contains($0.name) }):
                found.append(node)
            default:
                break
            }
            return true
        }
        return found
    }

    private static func initialScore(of node: XMLNode) -> Double {
        let base: Double
        switch node.name {
        case "div", "article", "section", "main": base = 5
        case "pre", "td", "blockquote": base = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": base = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": base = -5
        default: base = 0
        }
        return base + ClassHints.weight(of: node)
    }
}
