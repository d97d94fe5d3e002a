import Foundation
import Testing

@testable import GlossCore

/// Realistic edits of articles (`ReanchorCases/*.case`, format in its README.md): every planned
/// highlight ends where the plan says, on its own passage or orphaned, and no note is lost.
@Suite("Reanchor: realistic edit cases")
struct ReanchorCaseTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ReanchorCases")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".case") }.sorted()
    }()

    @Test func thereAreAtLeastThirtyCases() {
        #expect(Self.names.count >= 30)
    }

    @Test(arguments: names)
    func eachHighlightEndsWhereThePlanSays(_ name: String) throws {
        let editCase = try ReanchorCase(contentsOf: Self.directory.appendingPathComponent(name))
        #expect(editCase.old.text != editCase.new.text, "\(name): the edit changes nothing")
        let annotations = try editCase.plan.enumerated().map { index, step in
            let range = try step.old.range(in: editCase.old)
            return Annotation(
                id: "\(index)", created: ReanchorFixture.created, note: "note \(index)",
                anchor: try #require(AnnotationAnchor(range: range, in: editCase.old)))
        }
        let result = ReanchorFixture.reanchor(annotations, from: editCase.old, to: editCase.new, keepSnapshot: true)
        // Nothing lost: every note comes back, in order.
        #expect(result.map(\.id) == annotations.map(\.id), "\(name)")
        #expect(result.map(\.note) == annotations.map(\.note), "\(name)")
        for (step, (before, after)) in zip(editCase.plan, zip(annotations, result)) {
            let label = "\(name), line \(step.line): \(step.old.quote.debugDescription)"
            let anchor = after.anchor
            guard let expected = step.new else {
                var orphan = before.anchor
                orphan.status = .orphan
                #expect(anchor == orphan, "\(label): should be an orphan, is \(anchor.status) on ¶\(anchor.blockIndex + 1) \(anchor.quote.exact.debugDescription)")
                continue
            }
            guard anchor.status != .orphan else {
                Issue.record("\(label): orphaned, should be on ¶\(expected.paragraph) \(expected.quote.debugDescription)")
                continue
            }
            let range = try expected.range(in: editCase.new)
            #expect(
                anchor.position.range == range && anchor.blockIndex == expected.paragraph - 1,
                "\(label): on ¶\(anchor.blockIndex + 1) \(anchor.position.range) \(anchor.quote.exact.debugDescription), should be on ¶\(expected.paragraph) \(range) \(expected.quote.debugDescription)")
            if let status = step.status {
                #expect(anchor.status == status, "\(label): \(anchor.status), should be \(status)")
            }
            ReanchorFixture.expectConsistent(anchor, in: editCase.new)
        }
        // Without the snapshot only the quotes are there to go by: no promise of where, but a
        // found anchor is what its range holds and an orphan keeps everything.
        let searched = ReanchorFixture.reanchor(annotations, from: editCase.old, to: editCase.new, keepSnapshot: false)
        #expect(searched.map(\.id) == annotations.map(\.id))
        for (before, after) in zip(annotations, searched) {
            ReanchorFixture.expectKeptOrConsistent(before.anchor, after.anchor, in: editCase.new, "\(name)")
        }
    }
}

/// One `.case` file: the two versions of the article, loaded as the reader loads them, and the plan.
struct ReanchorCase {
    /// A quote in a paragraph: the `occurrence`-th (1-based) that starts in it.
    struct Place {
        var paragraph: Int
        var quote: String
        var occurrence: Int

        /// Its scalar range in the article's normalized text.
        func range(in article: ArticleText) throws -> Range<Int> {
            guard let block = article.range(ofBlock: paragraph - 1) else {
                Issue.record("there is no ¶\(paragraph)")
                throw ReanchorFixture.FixtureError.notFound
            }
            let text = Array(article.text.unicodeScalars)
            let pattern = Array(ArticleText.nfc(quote).unicodeScalars)
            var seen = 0
            for start in block where start + pattern.count <= text.count
                && text[start..<(start + pattern.count)].elementsEqual(pattern) {
                seen += 1
                if seen == occurrence { return start..<(start + pattern.count) }
            }
            Issue.record("¶\(paragraph) has no occurrence \(occurrence) of \(quote.debugDescription)")
            throw ReanchorFixture.FixtureError.notFound
        }
    }

    struct Step {
        var line: Int
        var old: Place
        /// Nil when the highlight must end as an orphan.
        var new: Place?
        var status: AnchorStatus?
    }

    var old: ArticleText
    var new: ArticleText
    var plan: [Step] = []

    init(contentsOf url: URL) throws {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var sections: [String: [Substring]] = [:]
        var options: [String: [Substring]] = [:]
        var current = ""
        var planLines: [(Int, Substring)] = []
        for (number, line) in lines.enumerated() {
            if line.hasPrefix("--- ") {
                let words = line.dropFirst(4).split(separator: " ")
                current = words.first.map(String.init) ?? ""
                options[current] = Array(words.dropFirst())
                sections[current] = []
            } else if current == "plan" {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { planLines.append((number + 1, line)) }
            } else if !current.isEmpty {
                sections[current, default: []].append(line)
            }
        }
        func article(_ name: String) throws -> ArticleText {
            var text = (sections[name] ?? []).joined(separator: "\n") + "\n"
            let flags = options[name] ?? []
            if flags.contains("nfd") { text = text.decomposedStringWithCanonicalMapping }
            if flags.contains("crlf") { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            return ArticleText(try ArticleLoader.load(bytes: Array(text.utf8), fileName: "case.md"))
        }
        old = try article("old")
        new = try article("new")
        for (number, line) in planLines {
            plan.append(try Self.step(line, number: number))
        }
    }

    /// `¶P "Q"#k => orphan` or `¶P "Q"#k => ¶P "Q"#k status`, the new quote, `#k` and status optional.
    static func step(_ line: Substring, number: Int) throws -> Step {
        var scanner = PlanScanner(line)
        let old = try scanner.place(number)
        guard scanner.skip("=>") else { throw scanner.error(number, "expected =>") }
        if scanner.skip("orphan") { return Step(line: number, old: old, new: nil, status: nil) }
        var new = try scanner.place(number, quoteOptional: true)
        if new.quote.isEmpty { new.quote = old.quote }
        var status: AnchorStatus?
        let word = scanner.remainder()
        if !word.isEmpty {
            guard let known = AnchorStatus(rawValue: word) else { throw scanner.error(number, "unknown status \(word)") }
            status = known
        }
        return Step(line: number, old: old, new: new, status: status)
    }
}

/// Reads the pieces of one plan line.
private struct PlanScanner {
    private var rest: Substring

    init(_ line: Substring) { rest = line }

    struct Failure: Error, CustomStringConvertible { var description: String }

    func error(_ line: Int, _ message: String) -> Failure { Failure(description: "plan line \(line): \(message)") }

    mutating func skip(_ token: String) -> Bool {
        rest = rest.drop { $0 == " " }
        guard rest.hasPrefix(token) else { return false }
        rest = rest.dropFirst(token.count)
        return true
    }

    func remainder() -> String {
        String(rest.trimmingCharacters(in: .whitespaces))
    }

    mutating func number() -> Int? {
        let digits = rest.prefix { $0.isNumber }
        rest = rest.dropFirst(digits.count)
        return Int(digits)
    }

    mutating func place(_ line: Int, quoteOptional: Bool = false) throws -> ReanchorCase.Place {
        guard skip("¶"), let paragraph = number() else { throw error(line, "expected ¶N") }
        var quote = ""
        if skip("\"") {
            var escaped = false
            while let character = rest.first {
                rest = rest.dropFirst()
                if escaped {
                    quote.append(character == "n" ? "\n" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    break
                } else {
                    quote.append(character)
                }
            }
        } else if !quoteOptional {
            throw error(line, "expected a quote")
        }
        var occurrence = 1
        if skip("#") {
            guard let value = number() else { throw error(line, "expected a number after #") }
            occurrence = value
        }
        return ReanchorCase.Place(paragraph: paragraph, quote: quote, occurrence: occurrence)
    }
}
