import GlossCore
import Yams

/// Reads back what ``FeedArticleWriter`` put in an article's front matter.
public enum WrittenArticle {
    /// The `id` (the entry's ``FeedEntry/dedupKey``) from the front matter of an article's text;
    /// nil when the text has no front matter or no `id`.
    public static func dedupKey(inArticle text: String) -> String? {
        // Measured before parsing, as when an article is loaded: the YAML parser recurses per level.
        guard let yaml = frontMatter(of: text), !YAMLNesting.exceeds(in: yaml.utf8),
              let mapping = (try? Yams.compose(yaml: yaml))?.mapping,
              let value = mapping["id"]?.scalar?.string
        else { return nil }
        return value.isEmpty ? nil : value
    }

    /// The YAML between a first line `---` and the next line `---` or `...`.
    static func frontMatter(of text: String) -> String? {
        var lines = text.split(separator: "\n", maxSplits: 200, omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), trimmedLine(first) == "---" else { return nil }
        var yaml: [Substring] = []
        while let line = lines.next() {
            let fence = trimmedLine(line)
            if fence == "---" || fence == "..." { return yaml.joined(separator: "\n") }
            yaml.append(line)
        }
        return nil
    }

    private static func trimmedLine(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
        if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        return line
    }
}
