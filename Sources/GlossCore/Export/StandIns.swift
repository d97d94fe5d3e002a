// Temporary stand-ins until the Markdown and JSON exporters land.
public enum MarkdownExport {
    public static func render(_ doc: ExportDocument) -> String {
        "# \(doc.article.title)\n" + doc.highlights.map { "\n> \($0.quote) ^\($0.blockID)\n" }.joined()
    }
}
public enum ExportTemplateError: Error, CustomStringConvertible {
    case invalid(String)
    public var description: String { switch self { case .invalid(let s): return s } }
}
public struct ExportTemplate {
    let source: String
    public init(source: String) throws(ExportTemplateError) { self.source = source }
    public func render(_ doc: ExportDocument) -> String { source }
}
