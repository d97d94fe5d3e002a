import Foundation
@testable import GlossFeeds

/// Measures how Gloss reads feeds against feedparser's reading of the same files (the form of
/// the corpus's `feeds/feedparser-reading.json`, or what `scripts/feedparser-reading.py` writes).
///
/// Each file is parsed at the address and with the Content-Type charset feedparser had. Each of
/// feedparser's entries is paired with one of Gloss's (by id, then link, then title and date,
/// then position) and counts as matched when title, link and date agree.
struct FeedFidelity {
    struct Reading: Decodable {
        var meta: [String: JSONScalar]?
        var files: [String: FileReading]
    }

    struct FileReading: Decodable {
        var set: String
        /// The HTTP headers the file is served with (Content-Type, and the file's own `Header:` lines).
        var headers: [String: String]?
        var entries: [EntryReading]

        /// The `charset` of the Content-Type header, as a server would send it.
        var charset: String? {
            guard let type = headers?.first(where: { $0.key.lowercased() == "content-type" })?.value else { return nil }
            for part in type.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map { XMLText.trimmed(String($0)) }
                if pair.count == 2, pair[0].lowercased() == "charset" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            }
            return nil
        }
    }

    struct EntryReading: Decodable {
        var id: String?
        var link: String?
        var title: String?
        var date: String?
    }

    /// A JSON value the test does not look into beyond strings.
    enum JSONScalar: Decodable {
        case string(String)
        case other

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            self = (try? container.decode(String.self)).map(JSONScalar.string) ?? .other
        }

        var string: String? {
            if case .string(let value) = self { return value }
            return nil
        }
    }

    /// The tally over one set of files.
    struct Tally {
        var entries = 0
        var matched = 0
        var refusedFiles: [String] = []
        var misses: [String] = []

        var share: Double { entries == 0 ? 1 : Double(matched) / Double(entries) }
    }

    /// Entries where feedparser itself is wrong, by `file#index`, with the reason (the corpus
    /// README names them): they are left out of the figures.
    static let feedparserErrors: [String: String] = [
        "wellformed/rss/item_category_image.xml#0": "takes the title of an <image> inside <category> as the item's",
        "wellformed/rss/item_guid_isPermaLink_ValueError.xml#0":
            "drops the permalink guid `http://example.c[o.test/` as its URL parser raises ValueError on the `[`",
    ]

    /// The base URL the files are read at, as feedparser read them.
    var base = "http://feeds.invalid/"

    /// Reads every file of `reading` from `root` and tallies the entries per set.
    func measure(_ reading: Reading, root: URL) -> [String: Tally] {
        var tallies: [String: Tally] = [:]
        for (file, expected) in reading.files.sorted(by: { $0.key < $1.key }) {
            var tally = tallies[expected.set] ?? Tally()
            defer { tallies[expected.set] = tally }
            let wanted = expected.entries.enumerated().filter { Self.feedparserErrors["\(file)#\($0.offset)"] == nil }
            guard !wanted.isEmpty else { continue }
            tally.entries += wanted.count
            let bytes: [UInt8]
            let feed: Feed
            do {
                bytes = Array(try Data(contentsOf: root.appendingPathComponent(file)))
                feed = try FeedParser.parse(bytes, url: base + file, charset: expected.charset)
            } catch {
                tally.refusedFiles.append("\(file): \(error)")
                tally.misses.append("\(file): refused (\(error))")
                continue
            }
            var unused = Array(feed.entries.indices)
            for (index, entry) in wanted {
                guard let position = pair(entry, index: index, among: unused, of: feed.entries) else {
                    tally.misses.append("\(file)#\(index): no entry for \(entry.title ?? entry.id ?? "?")")
                    continue
                }
                let mine = feed.entries[unused[position]]
                unused.remove(at: position)
                let problems = differences(entry, mine)
                if problems.isEmpty {
                    tally.matched += 1
                } else {
                    tally.misses.append("\(file)#\(index): " + problems.joined(separator: "; "))
                }
            }
        }
        return tallies
    }

    /// The position in `unused` of the entry paired with feedparser's `entry`.
    private func pair(_ entry: EntryReading, index: Int, among unused: [Int], of entries: [FeedEntry]) -> Int? {
        let candidates: [(FeedEntry) -> Bool] = [
            { entry.id != nil && $0.id == entry.id },
            { entry.link != nil && $0.link == entry.link },
            { Self.same($0.title, entry.title) && dateText($0.date) == entry.date },
        ]
        for rule in candidates {
            if let position = unused.firstIndex(where: { rule(entries[$0]) }) { return position }
        }
        return unused.firstIndex(of: index) ?? (unused.isEmpty ? nil : 0)
    }

    private func differences(_ expected: EntryReading, _ mine: FeedEntry) -> [String] {
        var problems: [String] = []
        if !Self.same(mine.title, expected.title) {
            problems.append("title \(String(reflecting: mine.title)) ≠ \(String(reflecting: expected.title))")
        }
        if (mine.link ?? "") != (expected.link ?? "") {
            problems.append("link \(String(reflecting: mine.link)) ≠ \(String(reflecting: expected.link))")
        }
        if dateText(mine.date) != expected.date {
            problems.append("date \(String(reflecting: dateText(mine.date))) ≠ \(String(reflecting: expected.date))")
        }
        return problems
    }

    /// Titles compared with whitespace collapsed; none and empty are the same.
    static func same(_ mine: String?, _ theirs: String?) -> Bool {
        XMLText.collapsed(mine ?? "") == XMLText.collapsed(theirs ?? "")
    }

    /// A date as feedparser's reading writes it: UTC, to the second.
    func dateText(_ date: Date?) -> String? {
        guard let date else { return nil }
        let seconds = (date.timeIntervalSince1970).rounded(.down)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
