/// Converts HTML (a fragment such as feed content, or a whole document) into clean Markdown.
///
/// Uses libxml2's forgiving HTML parser. Headings, paragraphs, emphasis, links (resolved against
/// the base URL), nested lists, quotes, code, line breaks and tables are kept; images become
/// Markdown images `![alt](src)` (`[image: alt]` when they have no web source); scripts, styles, forms, navigation, asides, footers and comments are dropped.
/// Text is escaped so that a Markdown reader shows exactly the text of the HTML, and the result
/// holds no control characters but line feeds.
public enum HTMLToMarkdown {
    /// Converts HTML held in a string.
    ///
    /// - Parameter baseURL: Where the HTML came from; relative links and image sources resolve against it.
    public static func convert(_ html: String, baseURL: String? = nil) -> String {
        guard let document = XMLDocument.parseHTML(html, url: baseURL), let body = document.body else { return "" }
        return withExtendedLifetime(document) { MarkdownConverter().markdown(of: [body]) }
    }

    /// Converts HTML bytes, in `encoding` (an IANA charset name) or, when nil, the one the
    /// document declares (UTF-8 when it declares none and the bytes are valid UTF-8).
    public static func convert(
        bytes: some Collection<UInt8>, baseURL: String? = nil, encoding: String? = nil
    ) -> String {
        let copy = Array(bytes)
        return copy.withUnsafeBufferPointer { buffer in
            let encoding = encoding ?? CharsetSniffer.defaultEncoding(for: buffer)
            guard let document = XMLDocument.parseHTML(buffer, url: baseURL, encoding: encoding),
                  let body = document.body
            else { return "" }
            return withExtendedLifetime(document) { MarkdownConverter().markdown(of: [body]) }
        }
    }
}
