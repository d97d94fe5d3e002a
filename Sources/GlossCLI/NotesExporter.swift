import ArgumentParser
import Foundation
import GlossCore
import GlossFeeds
import GlossStorage

/// The formats `gloss export` and `E` write.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case markdown
    case json

    var fileExtension: String { self == .markdown ? "md" : "jsonld" }
}

/// Renders export documents in a format (the built-in Markdown, the user's Mustache template,
/// or W3C JSON-LD) and writes them where asked.
struct NotesExporter {
    let format: ExportFormat
    let template: ExportTemplate?

    /// Reads the Mustache template the config names, for Markdown exports.
    init(format: ExportFormat, templatePath: String?) throws(CLIError) {
        self.format = format
        guard format == .markdown, let templatePath else {
            self.template = nil
            return
        }
        let source: String
        do {
            source = String(decoding: try ArticleFile.read(templatePath, limit: 4 << 20), as: UTF8.self)
        } catch {
            throw .config("export template \(templatePath): \(error.description)")
        }
        do {
            self.template = try ExportTemplate(source: source)
        } catch {
            throw .config("export template \(templatePath): \(error.description)")
        }
    }

    func render(_ document: ExportDocument) -> String {
        switch format {
        case .markdown: return template?.render(document) ?? MarkdownExport.render(document)
        case .json: return W3CExport.render(document)
        }
    }

    /// Several articles in one stream: Markdown documents one after another, JSON as one array.
    func render(_ documents: [ExportDocument]) -> String {
        switch format {
        case .markdown: return documents.map(render).joined(separator: "\n")
        case .json: return documents.count == 1 ? W3CExport.render(documents[0]) : W3CExport.render(documents)
        }
    }

    /// Several articles as one stream that may reach a terminal (stdout, a pipe, a device):
    /// control and bidi characters written as escapes that decode to the same text (`\u202E`
    /// in JSON, `&#8238;` in Markdown), as `notes --json` and `list --json` write them.
    func stream(_ documents: [ExportDocument]) -> String {
        let text = render(documents)
        return format == .json ? JSONOutput.terminalSafe(text) : JSONOutput.terminalSafeMarkdown(text)
    }

    /// `<slug>.md` (or `.jsonld`): the article's path without its extension, in lowercase
    /// letters and digits of any script joined by `-`, so files in subfolders don't collide.
    func fileName(for document: ExportDocument) -> String {
        Self.slug(document.article.file) + "." + format.fileExtension
    }

    static func slug(_ path: String) -> String {
        var name = path
        if let dot = name.lastIndex(of: "."), !name[dot...].contains("/") { name = String(name[..<dot]) }
        // Not cut: two long paths that share their start must not export to the same file.
        let slug = Slug.make(from: name, maximumLength: nil)
        return slug.isEmpty ? "article" : slug
    }

    /// Writes one file per document into `directory`; returns the paths written.
    func write(_ documents: [ExportDocument], toDirectory directory: String) throws(CLIError) -> [String] {
        var written: [String] = []
        for document in documents {
            let path = directory.withoutTrailingSlash + "/" + fileName(for: document)
            try write(render(document), to: path)
            written.append(path)
        }
        return written
    }

    func write(_ text: String, to path: String) throws(CLIError) {
        do {
            try ExportFile.write(text, to: path)
        } catch {
            throw .failed("export not written: \(error.description)")
        }
    }
}
