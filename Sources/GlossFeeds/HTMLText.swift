/// Small conversions between HTML and plain text, for titles and plain-text content.
enum HTMLText {
    /// The text an HTML fragment shows, whitespace collapsed: `Tom &amp; <b>Jerry</b>` → `Tom & Jerry`;
    /// scripts and styles show nothing.
    static func plain(fromHTML html: String) -> String {
        guard let document = XMLDocument.parseHTML(html, url: nil), let body = document.body else {
            return XMLText.collapsed(html)
        }
        return withExtendedLifetime(document) { visibleText(of: body) }
    }

    /// The text of an element as a reader sees it, whitespace collapsed: without scripts, buttons,
    /// hidden parts and the like.
    static func visibleText(of node: XMLNode) -> String {
        var inline = String()
        appendVisibleText(of: node, to: &inline)
        return XMLText.collapsed(inline)
    }

    private static func appendVisibleText(of node: XMLNode, to text: inout String) {
        for child in node.children {
            if child.isElement {
                // The HTML parser caps nesting at 256 levels, which bounds this recursion.
                guard !HTMLElements.isOmitted(child) else { continue }
                // Blocks and line breaks separate words (`<p>Jo Doe</p><p>1 May</p>` is not `Jo Doe1 May`).
                let separates = child.name == "br" || HTMLElements.blocks.contains(child.name)
                if separates { text += " " }
                appendVisibleText(of: child, to: &text)
                if separates { text += " " }
            } else {
                text += XMLText.collect(from: child.pointer, document: child.pointer.pointee.doc, single: true)
            }
        }
    }

    /// Whether text holds a tag (`<b>`, `</i>`) or a character reference (`&amp;`, `&#8217;`), so that
    /// a title such as `x<y & z` is not mangled by an HTML parser.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if byte == UInt8(ascii: "<"), next == UInt8(ascii: "/") || isASCIILetter(next),
               bytes[(index + 1)...].contains(UInt8(ascii: ">"))
            {
                return true
            }
            if byte == UInt8(ascii: "&") {
                var cursor = index + 1
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "#") { cursor += 1 }
                let start = cursor
                while cursor < bytes.count, isASCIILetter(bytes[cursor]) || (0x30...0x39).contains(bytes[cursor]) {
                    cursor += 1
                }
                if cursor > start, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") { return true }
            }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
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
