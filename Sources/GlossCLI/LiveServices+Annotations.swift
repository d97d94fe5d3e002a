import Foundation
import GlossCore
import GlossStorage
import GlossTUI

/// Annotations and the external editor for the TUI.
extension LiveServices {
    /// The annotations of an opened article re-anchored on its current text. When they cannot be
    /// read, the article stays readable, read-only for annotations, and the user is told why.
    func loadAnnotations(relativePath: String) -> LoadedAnnotations {
        guard let article = articles.removeValue(forKey: relativePath) else {
            return LoadedAnnotations(
                annotations: [], text: ArticleText(blockTexts: []), isReadOnly: true,
                messages: ["could not load the annotations: \(relativePath) is not open"])
        }
        do {
            let session = try ArticleAnnotations.open(
                article: article, relativePath: relativePath, store: annotationStore,
                articlesDirectory: workspace.paths.articles)
            sessions[relativePath] = session
            noteSetAside(except: session.messages)
            return LoadedAnnotations(
                annotations: session.file.annotations, text: session.text, isReadOnly: session.isReadOnly,
                messages: session.messages)
        } catch {
            sessions[relativePath] = nil
            return LoadedAnnotations(
                annotations: [], text: ArticleText(article), isReadOnly: true,
                messages: ["could not read the annotations, so they can't be changed now: \(error.description)"])
        }
    }

    func saveAnnotations(relativePath: String, changes: [AnnotationChange]) -> Result<[Annotation], ServiceFailure> {
        guard let session = sessions[relativePath] else {
            return .failure(ServiceFailure("the annotations of \(relativePath) are not open"))
        }
        do {
            let stored = try session.apply(changes).annotations
            notices += session.notices
            session.notices = []
            return .success(stored)
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }

    func editExternally(_ text: String) -> Result<String, ServiceFailure> {
        do {
            return .success(try ExternalEditor(environment: ProcessInfo.processInfo.environment).edit(text))
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }
}

/// Exports from the TUI (`E`, `X`), written to the export folder like `gloss export --output`.
extension LiveServices {
    func exportNotes(relativePath: String?) -> Result<String, ServiceFailure> {
        do throws(CLIError) {
            let exporter = try NotesExporter(format: .markdown, templatePath: workspace.paths.exportTemplate)
            let collector = NotesCollector(workspace: workspace)
            let articles: [NotesArticle]
            if let relativePath {
                // The open article's notes are already re-anchored in memory: export those.
                if let session = sessions[relativePath] {
                    articles = [NotesArticle(session)]
                } else {
                    articles = [try collector.article(relativePath)]
                }
            } else {
                articles = try collector.library()
            }
            let written = try exporter.write(articles.map(\.exportDocument), toDirectory: workspace.paths.exports)
            switch written.count {
            case 0: return .success("no annotated articles to export")
            case 1: return .success("exported to \(written[0])")
            default: return .success("exported \(written.count) articles to \(workspace.paths.exports)")
            }
        } catch {
            return .failure(ServiceFailure(error.description))
        }
    }
}
