import Foundation
import GlossCore
import GlossStorage
import GlossTUI

/// Annotations and the external editor for the TUI.
extension LiveServices {
    /// The article with its annotations re-anchored on its current text. When they cannot be
    /// read, the article still opens, read-only for annotations, and the user is told why.
    func openAnnotations(of article: Article, relativePath: String, focus: Int?) -> OpenedArticle {
        do {
            let session = try ArticleAnnotations.open(
                article: article, relativePath: relativePath, store: annotationStore,
                articlesDirectory: workspace.paths.articles)
            sessions[relativePath] = session
            return OpenedArticle(
                relativePath: relativePath, article: article, savedFocus: focus,
                annotations: session.file.annotations, text: session.text, isReadOnly: session.isReadOnly,
                messages: session.messages)
        } catch {
            sessions[relativePath] = nil
            return OpenedArticle(
                relativePath: relativePath, article: article, savedFocus: focus, isReadOnly: true,
                messages: ["could not read the annotations, so they can't be changed now: \(error.description)"])
        }
    }

    func saveAnnotations(relativePath: String, changes: [AnnotationChange]) -> Result<[Annotation], ServiceFailure> {
        guard let session = sessions[relativePath] else {
            return .failure(ServiceFailure("the annotations of \(relativePath) are not open"))
        }
        do {
            return .success(try session.apply(changes).annotations)
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
