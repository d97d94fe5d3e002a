import GlossTestSupport

/// Writes deterministic benchmark articles: news-like prose, one paragraph per line, with a
/// short heading line every few paragraphs. The same seed and size always give the same bytes.
///
/// Three marker words let a benchmark recognise a screen: `openingMarker` occurs only in the
/// first paragraph, `closingMarker` and `searchWord` only in the last one.
struct ArticleGenerator {
    /// Bump when the output changes, so cached articles are written again.
    static let version = 1
    static let openingMarker = "Aldermoor"
    static let closingMarker = "Marrowgate"
    static let searchWord = "quindlewick"

    enum Script: String, Sendable {
        case latin
        /// Chinese, Japanese and Korean with emoji: every visible character two columns wide.
        case cjk
    }

    var script: Script
    var seed: UInt64

    init(script: Script = .latin, seed: UInt64 = 0x61_6C_64_65_72) {
        self.script = script
        self.seed = seed
    }

    /// The article, about `targetBytes` long (a little over it: the last paragraph is whole).
    func article(targetBytes: Int) -> [UInt8] {
        var random = SeededGenerator(seed: seed ^ UInt64(truncatingIfNeeded: targetBytes))
        var out: [UInt8] = []
        out.reserveCapacity(targetBytes + 4096)
        let ending = Array((lastParagraph() + "\n").utf8)
        appendLine(title(&random), to: &out)
        appendLine(firstParagraph(&random), to: &out)
        var untilHeading = random.integer(in: 5...12)
        while out.count + ending.count < targetBytes {
            untilHeading -= 1
            if untilHeading == 0 {
                appendLine(heading(&random), to: &out)
                untilHeading = random.integer(in: 6...14)
            }
            appendLine(paragraph(&random), to: &out)
        }
        out.append(contentsOf: ending)
        return out
    }

    /// A short article for the library benchmark: a few paragraphs, with YAML front matter
    /// (title, author, date) on every other one; the file name says which format it is.
    func libraryArticle(number: Int) -> (fileName: String, bytes: [UInt8]) {
        var random = SeededGenerator(seed: seed &+ UInt64(number) &* 0x9E37)
        var out: [UInt8] = []
        let title = heading(&random)
        let isMarkdown = number % 2 == 0
        if isMarkdown {
            let w = ProseVocabulary.self
            appendLine("---", to: &out)
            appendLine("title: \"\(title) \(number)\"", to: &out)
            appendLine("author: \(random.pick(w.people)) \(random.pick(w.surnames))", to: &out)
            appendLine("date: \(2000 + number % 25)-0\(1 + number % 9)-1\(number % 10)", to: &out)
            appendLine("---", to: &out)
            appendLine("", to: &out)
        } else {
            appendLine("\(title) \(number)", to: &out)
        }
        for _ in 0..<random.integer(in: 2...6) {
            appendLine(paragraph(&random), to: &out)
            if isMarkdown { appendLine("", to: &out) }
        }
        let digits = String(number)
        let name = "story-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return (name + (isMarkdown ? ".md" : ".txt"), out)
    }

    private func appendLine(_ line: String, to out: inout [UInt8]) {
        out.append(contentsOf: line.utf8)
        out.append(0x0A)
    }

    // MARK: - Pieces

    private func title(_ random: inout SeededGenerator) -> String {
        switch script {
        case .latin: return "Notes From the Harbour Road"
        case .cjk: return "港口路上的笔记 港の記録"
        }
    }

    private func firstParagraph(_ random: inout SeededGenerator) -> String {
        switch script {
        case .latin:
            return "\(Self.openingMarker) was quiet on the morning the ferry stopped running. " + paragraph(&random)
        case .cjk:
            return "\(Self.openingMarker)的早晨很安静，渡船停了。" + paragraph(&random)
        }
    }

    private func lastParagraph() -> String {
        switch script {
        case .latin:
            return "In the end the last boat to \(Self.closingMarker) left without the \(Self.searchWord) lantern, "
                + "and nobody on the quay said a word about it."
        case .cjk:
            return "最后一班渡船开往\(Self.closingMarker)，\(Self.searchWord)灯笼留在了码头上。🌙"
        }
    }

    private func heading(_ random: inout SeededGenerator) -> String {
        switch script {
        case .cjk:
            return random.pick(CJKVocabulary.headings) + " " + String(random.integer(in: 1...99))
        case .latin:
            let words = ProseVocabulary.self
            let noun = capitalized(random.pick(words.nouns).0)
            switch random.index(below: 4) {
            case 0: return "The \(capitalized(random.pick(words.adjectives))) \(noun) of \(random.pick(words.places))"
            case 1: return "\(random.pick(words.places)) After the \(noun)"
            case 2: return "What the \(noun) \(capitalized(random.pick(words.transitiveVerbs)))"
            default: return "\(noun) and \(capitalized(random.pick(words.nouns).1))"
            }
        }
    }

    private func paragraph(_ random: inout SeededGenerator) -> String {
        let count = random.integer(in: 3...8)
        var sentences: [String] = []
        sentences.reserveCapacity(count)
        for _ in 0..<count {
            sentences.append(script == .latin ? sentence(&random) : cjkSentence(&random))
        }
        return sentences.joined(separator: script == .latin ? " " : "")
    }

    private func cjkSentence(_ random: inout SeededGenerator) -> String {
        let clauses = (0..<random.integer(in: 1...3)).map { _ in random.pick(CJKVocabulary.clauses) }
        var text = clauses.joined(separator: "，") + "。"
        if random.chance(20) { text += random.pick(CJKVocabulary.emoji) }
        return text
    }

    private func sentence(_ random: inout SeededGenerator) -> String {
        let w = ProseVocabulary.self
        let noun = random.pick(w.nouns)
        let other = random.pick(w.nouns)
        let person = "\(random.pick(w.people)) \(random.pick(w.surnames))"
        switch random.index(below: 8) {
        case 0:
            return "\(random.pick(w.times)), the \(random.pick(w.adjectives)) \(noun.0) "
                + "\(random.pick(w.transitiveVerbs)) the \(other.0) \(random.pick(w.prepositions)) \(random.pick(w.places))."
        case 1:
            return "\(person) \(random.pick(w.intransitiveVerbs)) \(random.pick(w.adverbs)), "
                + "\(random.pick(w.connectives)) the \(noun.1) \(random.pick(w.intransitiveVerbs)) with them."
        case 2:
            return "\"The \(noun.0) \(random.pick(w.transitiveVerbs)) every \(other.0) we had,\" "
                + "\(person) \(random.pick(w.reporting))."
        case 3:
            return "It was \(random.pick(w.adjectives)), \(random.pick(w.adverbs)) \(random.pick(w.adjectives)), "
                + "and the \(noun.1) \(random.pick(w.intransitiveVerbs)) \(random.pick(w.prepositions)) the \(other.0)."
        case 4:
            return "The \(noun.0) of \(random.pick(w.places)) had \(random.pick(w.transitiveVerbs)) "
                + "\(random.integer(in: 2...940)) \(other.1) since \(random.integer(in: 1951...2023))."
        case 5:
            return "Nobody \(random.pick(w.prepositions)) the \(noun.0) \(random.pick(w.transitiveVerbs)) "
                + "the \(random.pick(w.adjectives)) \(other.1), \(random.pick(w.connectives)) "
                + "\(random.pick(w.people)) \(random.pick(w.intransitiveVerbs)) \(random.pick(w.adverbs))."
        case 6:
            return "\(capitalized(random.pick(w.adjectives))) \(noun.1) \(random.pick(w.intransitiveVerbs)) "
                + "\(random.pick(w.prepositions)) the \(other.0)."
        default:
            return "According to the \(noun.0), \(random.integer(in: 3...97)) percent of the \(other.1) "
                + "in \(random.pick(w.places)) were \(random.pick(w.transitiveVerbs)) \(random.pick(w.adverbs))."
        }
    }

    private func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}
