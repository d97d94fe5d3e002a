import ArgumentParser
import Foundation
import GlossCore
import GlossStorage
import GlossTUI

/// `gloss annotate FILE --paragraph N`: adds a highlight (with an optional note) from the command line.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate", abstract: "Highlight a paragraph, or a quote in it, and attach a note.",
        discussion: """
            Always adds a new annotation. Without --quote the whole paragraph is highlighted; with it, the \
            first occurrence of the quote in that paragraph. Exits with 1 when the paragraph does not exist, \
            the quote is not in it, or the colour is not configured; nothing is saved then.
            """)

    @Argument(help: "The article: a path, or a path relative to the articles directory.")
    var file: String

    @Option(help: "The paragraph to annotate (the ¶ number shown in the reader).")
    var paragraph: Int

    @Option(help: "Highlight only this text; it must occur in the paragraph.")
    var quote: String?

    @Option(help: "The note; #words in it become tags.")
    var note: String?

    @Option(help: "A highlight colour name from the config (default: the configured default).")
    var color: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if paragraph < 1 { throw ValidationError("--paragraph starts at 1") }
        if let quote, quote.isEmpty { throw ValidationError("--quote must not be empty") }
    }

    func run() throws {
        try printingOutput(global) { (workspace, inform) throws(CLIError) in try output(in: workspace, inform: inform) }
    }

    /// Adds the annotation and returns what to print; storage and re-anchoring messages go to `inform`.
    func output(
        in workspace: Workspace, id: String = UUID().uuidString, now: Timestamp = SystemClock.now(),
        inform: (String) -> Void
    ) throws(CLIError) -> String {
        let colorName = try chosenColor(workspace.config.highlight)
        let located = try workspace.locate(file)
        let article = try workspace.loadArticle(absolute: located.absolute, key: located.key)
        let session: ArticleAnnotations
        do {
            session = try ArticleAnnotations.open(
                article: article, relativePath: located.key, store: AnnotationStore(dataDirectory: workspace.paths.data),
                articlesDirectory: workspace.paths.articles)
        } catch {
            throw .failed(error.description)
        }
        for message in session.messages { inform("\(located.key): \(message)") }
        let range = try selection(in: session.text, inform: inform)
        guard let anchor = AnnotationAnchor(range: range, in: session.text) else {
            throw .failed("¶ \(paragraph) of \(file) cannot be highlighted")
        }
        let annotation = Annotation(id: id, created: now, color: colorName, note: note ?? "", anchor: anchor)
        let saved: AnnotationFile
        do {
            saved = try session.apply([.upsert(annotation)])
        } catch {
            throw .failed(error.description)
        }
        let stored = saved.annotation(withID: id) ?? annotation
        var title = session.identity.title
        if title.isEmpty { title = located.key }
        return "Added annotation \(id) to \(TerminalSafe.visible(title)) (\(TerminalSafe.visible(located.key)))\n"
            + NotesReport.lines(stored)
    }

    /// The configured colour named by `--color` (case does not matter), or the configured default.
    func chosenColor(_ settings: HighlightSettings) throws(CLIError) -> String {
        let names = settings.colors.map(\.name)
        guard let color else {
            return settings.color(number: settings.defaultColor)?.name ?? names.first ?? Annotation.defaultColor
        }
        if let match = names.first(where: { $0.lowercased() == color.lowercased() }) { return match }
        throw .failed("unknown colour \"\(color)\"; the configured colours are: \(names.joined(separator: ", "))")
    }

    /// The normalized-text range to highlight: the whole paragraph, or the quote's first occurrence in it.
    func selection(in text: ArticleText, inform: (String) -> Void) throws(CLIError) -> Range<Int> {
        let block = paragraph - 1
        guard let range = text.range(ofBlock: block), !range.isEmpty else {
            let count = text.blockCount
            throw .failed(
                count == 0
                    ? "\(file) has no paragraphs"
                    : "there is no ¶ \(paragraph) in \(file): it has \(count) (¶ 1–\(count))")
        }
        guard let quote else { return range }
        let needle = ArticleText.nfc(quote)
        let found = AnnotationQuoteSearch.occurrences(of: needle, in: text, block: block)
        guard let first = found.first else {
            let elsewhere = AnnotationQuoteSearch.firstBlock(containing: needle, in: text).map { "; it occurs in ¶ \($0 + 1)" }
            throw .failed("the quote was not found in ¶ \(paragraph) of \(file)\(elsewhere ?? "")")
        }
        if found.count > 1 {
            inform("the quote occurs \(found.count) times in ¶ \(paragraph); the first one was highlighted")
        }
        return (range.lowerBound + first.lowerBound)..<(range.lowerBound + first.upperBound)
    }
}
