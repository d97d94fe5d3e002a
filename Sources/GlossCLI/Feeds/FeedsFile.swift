import Foundation
import GlossCore
import GlossTUI
import TOMLKit

/// The text of `feeds.toml` and the subscriptions it lists. Reading and editing are pure:
/// edits return new text that keeps every other entry and comment as it was.
struct FeedsFile: Sendable, Equatable {
    /// The path, for messages.
    var path: String
    var text: String
    var feeds: [FeedSubscription]

    init(path: String, text: String) throws(FeedsFileError) {
        self.path = path
        self.text = text
        self.feeds = try Self.parse(text, file: path)
    }

    static func parse(_ text: String, file: String) throws(FeedsFileError) -> [FeedSubscription] {
        // The same checks as config.toml: the TOML parser aborts on some malformed input (`url =
        // [1, }`), and recurses or spends quadratic memory on some valid input.
        if let problem = TOMLPreflight.firstProblem(in: text) {
            throw .syntax(file: file, line: problem.line, message: "\(problem.message) (column \(problem.column))")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw .syntax(file: file, line: nil, message: String(describing: error))
        }
        if let unknown = table.keys.first(where: { $0 != "feed" }) {
            throw .invalid(file: file, message: "unknown key '\(unknown)' (feeds are listed as [[feed]] tables)")
        }
        guard let value = table["feed"] else { return [] }
        guard let array = value.array else { throw .invalid(file: file, message: "'feed' must be [[feed]] tables") }
        var feeds: [FeedSubscription] = []
        for (index, element) in array.enumerated() {
            let which = "feed \(index + 1)"
            guard let entry = element.table else { throw .invalid(file: file, message: "\(which) is not a table") }
            if let unknown = entry.keys.first(where: { !["url", "name", "tags", "keep-days"].contains($0) }) {
                throw .invalid(file: file, message: "\(which): unknown key '\(unknown)' (allowed: url, name, tags, keep-days)")
            }
            guard let url = entry["url"]?.string, !url.isEmpty else {
                throw .invalid(file: file, message: "\(which) has no url")
            }
            var subscription = FeedSubscription(url: url)
            if let name = entry["name"] {
                guard let text = name.string else { throw .invalid(file: file, message: "\(which): name must be a string") }
                subscription.name = text.isEmpty ? nil : text
            }
            if let tags = entry["tags"] {
                guard let list = tags.array, list.allSatisfy({ $0.string != nil }) else {
                    throw .invalid(file: file, message: "\(which): tags must be a list of strings")
                }
                subscription.tags = list.compactMap { $0.string }
            }
            if let days = entry["keep-days"] {
                guard let number = days.int, (0...36_500).contains(number) else {
                    throw .invalid(file: file, message: "\(which): keep-days must be a whole number of days from 0 to 36500")
                }
                subscription.keepDays = number
            }
            feeds.append(subscription)
        }
        var slugs: [String: String] = [:]
        for feed in feeds {
            if let other = slugs[feed.slug] {
                throw .invalid(file: file, message: "feeds \(other) and \(feed.url) would share the folder '\(feed.slug)': give one a different name")
            }
            slugs[feed.slug] = feed.url
        }
        return feeds
    }

    /// The text with `feed` appended as a new `[[feed]]` table.
    func adding(_ feed: FeedSubscription) throws(FeedsFileError) -> String {
        if feeds.contains(where: { $0.url == feed.url }) { throw .alreadySubscribed(feed.url) }
        var lines = ["[[feed]]", "url = " + Self.quoted(feed.url)]
        if let name = feed.name { lines.append("name = " + Self.quoted(name)) }
        if !feed.tags.isEmpty { lines.append("tags = [" + feed.tags.map(Self.quoted).joined(separator: ", ") + "]") }
        if let days = feed.keepDays { lines.append("keep-days = \(days)") }
        var out = text
        if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
        if !out.isEmpty { out += "\n" }
        out += lines.joined(separator: "\n") + "\n"
        // The result must still read back, with the new feed in it.
        _ = try FeedsFile(path: path, text: out)
        return out
    }

    /// The text without the `[[feed]]` table whose url is `url`. Comments and blank lines at the
    /// end of that table stay: they usually introduce the next one.
    func removing(_ url: String) throws(FeedsFileError) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headers = lines.indices.filter { Self.isTableHeader(lines[$0]) }
        for (number, start) in headers.enumerated() {
            guard lines[start].trimmingCharacters(in: .whitespaces).hasPrefix("[[feed]]") else { continue }
            var end = number + 1 < headers.count ? headers[number + 1] : lines.count
            let block = lines[start..<end].joined(separator: "\n")
            guard let parsed = try? Self.parse(block, file: path), parsed.first?.url == url else { continue }
            while end > start + 1, Self.isBlankOrComment(lines[end - 1]) { end -= 1 }
            var kept = Array(lines[..<start]) + Array(lines[end...])
            // Don't leave two blank lines where the table was.
            if start > 0, start < kept.count, kept[start - 1].trimmingCharacters(in: .whitespaces).isEmpty,
                kept[start].trimmingCharacters(in: .whitespaces).isEmpty
            {
                kept.remove(at: start)
            }
            let out = kept.joined(separator: "\n")
            _ = try FeedsFile(path: path, text: out)
            return out
        }
        throw .notSubscribed(url)
    }

    private static func isTableHeader(_ line: String) -> Bool {
        line.trimmingCharacters(in: .whitespaces).hasPrefix("[")
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
