/// Picks an article's title from what a page offers.
///
/// Titles written for machines come first, as written: the JSON-LD headline, then the Dublin Core,
/// Open Graph, plain, Twitter and Parse.ly meta titles. Without any, the document's `<title>` is
/// used with the site's part cut off (`Story - Site`), unless what is left is too short to be a
/// title; a `<title>` that is far too short or long gives way to the page's single `h1`.
enum TitleChooser {
    /// Separators between a story's title and the site's name in a `<title>`, written between spaces.
    private static let separators: Set<Character> = ["|", "-", "–", "—", "\\", "/", ">", "»"]
    /// Separators that write a path (`Site » Section » Story`) rather than a pair.
    private static let hierarchical: Set<Character> = ["\\", "/", ">", "»"]

    /// The title from the document's `<title>`, its site part removed when that is safe.
    ///
    /// - Parameters:
    ///   - headings: The page's `h1` and `h2` texts.
    ///   - h1s: The page's `h1` texts.
    static func cleaned(documentTitle original: String, headings: [String], h1s: [String]) -> String {
        let original = XMLText.collapsed(original)
        var title = original
        let cuts = separatorPositions(in: original)
        var hadHierarchy = false
        if let last = cuts.last, let first = cuts.first {
            hadHierarchy = cuts.contains { hierarchical.contains(original[$0]) }
            title = String(original[..<original.index(before: last)])
            if wordCount(title) < 3 {
                title = String(original[original.index(after: first)...])
            }
        } else if original.contains(": ") {
            // A heading that repeats the whole title shows the colon is part of it.
            if !headings.contains(where: { XMLText.collapsed($0) == original }),
               let lastColon = original.lastIndex(of: ":"), let firstColon = original.firstIndex(of: ":")
            {
                title = String(original[original.index(after: lastColon)...])
                if wordCount(title) < 3 {
                    title = String(original[original.index(after: firstColon)...])
                } else if wordCount(String(original[..<firstColon])) > 5 {
                    title = original
                }
            }
        } else if original.count > 150 || original.count < 15, h1s.count == 1, let heading = h1s.first {
            title = heading
        }
        title = XMLText.collapsed(title)
        // Four words or fewer left is rarely the whole story's title: keep the original, unless a
        // path-like title lost just its last step.
        let count = wordCount(title)
        let originalWords = wordCount(original) - cuts.count
        if count <= 4, !hadHierarchy || count != originalWords - 1 {
            // A page's only `h1` worded longer than the whole short title is the story's headline
            // (`Tidal power | Harbor News` over `Harbor cities bet on tidal power`).
            if !cuts.isEmpty, h1s.count == 1, let heading = h1s.first, wordCount(heading) > originalWords {
                return XMLText.collapsed(heading)
            }
            return original
        }
        return title
    }

    /// Positions of separators that stand alone between spaces.
    private static func separatorPositions(in title: String) -> [String.Index] {
        var positions: [String.Index] = []
        var index = title.startIndex
        while index < title.endIndex {
            let next = title.index(after: index)
            if separators.contains(title[index]), index > title.startIndex, next < title.endIndex,
               title[title.index(before: index)] == " ", title[next] == " "
            {
                positions.append(index)
            }
            index = next
        }
        return positions
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }

    /// How much of `candidate`'s wording (by length) appears in `reference`, from 0 to 1.
    static func similarity(_ candidate: String, _ reference: String) -> Double {
        let words = { (text: String) in
            text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        }
        let known = Set(words(reference))
        let candidateWords = words(candidate)
        let total = candidateWords.reduce(0) { $0 + $1.count }
        guard total > 0 else { return 0 }
        let shared = candidateWords.filter(known.contains).reduce(0) { $0 + $1.count }
        return Double(shared) / Double(total)
    }
}
