import Mustache

/// A user's Mustache template for the Markdown export, in place of the built-in shape.
///
/// The template sees `article`, `highlights` and `orphans` (see `Config/export.md.mustache`, the
/// default template, which renders exactly what ``MarkdownExport`` does). `{{name}}` HTML-escapes
/// its value, as Mustache does; Markdown and YAML want `{{{name}}}`, with the pre-escaped
/// variants (`quoteMarkdown`, `article.yaml.title`, …) where the text must stay literal.
public struct ExportTemplate: Sendable {
    private let template: MustacheTemplate

    /// Parses `source`; a malformed template throws with the line and column of the problem.
    public init(source: String) throws(ExportTemplateError) {
        do {
            template = try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            guard error.error is MustacheTemplate.Error else {
                // The parser ran off the end, so it reports the end; the unclosed tag is more useful.
                let (line, column) = Self.lastUnclosedTag(in: source)
                    ?? (error.context.lineNumber, error.context.columnNumber)
                throw .malformed(line: line, column: column, reason: "a tag is not closed")
            }
            throw .malformed(
                line: error.context.lineNumber, column: error.context.columnNumber,
                reason: Self.reason(error.error))
        } catch {
            throw .malformed(line: nil, column: nil, reason: String(describing: error))
        }
    }

    public func render(_ document: ExportDocument) -> String {
        template.render(TemplateContext(document))
    }

    /// The 1-based line and column of the last `{{` that no `}}` follows.
    private static func lastUnclosedTag(in source: String) -> (Int, Int)? {
        let scalars = Array(source.unicodeScalars)
        var closed = false
        var index = scalars.count - 2
        while index >= 0 {
            if scalars[index] == "}" && scalars[index + 1] == "}" { closed = true }
            if scalars[index] == "{" && scalars[index + 1] == "{" && !closed {
                let before = scalars[..<index]
                let lineStart = (before.lastIndex(of: "\n") ?? -1) + 1
                return (before.count(where: { $0 == "\n" }) + 1, index - lineStart + 1)
            }
            index -= 1
        }
        return nil
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return String(describing: error) }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "an inheritance section holds a tag it cannot hold"
        case .textInsideInheritSection: return "an inheritance section holds text"
        case .invalidConfigVariableSyntax: return "a pragma tag is malformed"
        case .unrecognisedConfigVariable: return "a pragma tag names an unknown setting"
        }
    }
}
