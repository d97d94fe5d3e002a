/// Small conversions between HTML and plain text, for titles and plain-text content.
enum HTMLText {
    /// The text an HTML fragment shows, whitespace collapsed: `Tom &amp; <b>Jerry</b>` → `Tom & Jerry`.
    static func plain(fromHTML html: String) -> String {
        guard let document = HTMLDocument.parse(html, url: nil), let body = document.body else {
            return XMLText.collapsed(html)
        }
        return withExtendedLifetime(document) { XMLText.collapsed(body.text) }
    }

    /// Plain text as HTML paragraphs: blank lines separate paragraphs, single line breaks are kept.
    static func escapedParagraphs(_ text: String) -> String {
        let normalized = text.replacingLineEndings()
        var paragraphs: [String] = []
        var current: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = XMLText.trimmed(String(line))
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "<br>")) }
                current = []
            } else {
                current.append(XHTMLSerializer.escaped(trimmed, quotes: false))
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "<br>")) }
        return paragraphs.map { "<p>" + $0 + "</p>" }.joined(separator: "\n")
    }
}

extension String {
    /// CRLF and lone CR as LF.
    fileprivate func replacingLineEndings() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { out.append(scalar) }
                previousWasCR = false
            }
        }
        return String(out)
    }
}
