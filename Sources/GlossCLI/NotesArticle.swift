import GlossCore
import GlossStorage

/// One article's annotations as `gloss notes` lists them.
struct NotesArticle {
    /// The path relative to the articles directory (absolute when outside it), as stored.
    var path: String
    var title: String
    /// The fingerprint of the current text, or the stored one when the article cannot be read.
    var fingerprint: String
    /// Why the annotations could not be re-anchored ("article missing", …); nil when they were.
    var problem: String?
    /// Live annotations in reading order.
    var annotations: [Annotation]
    /// What storage and re-anchoring had to say about this article.
    var messages: [String]
    /// The article as it is now; nil when it cannot be read.
    var article: Article?

    /// The annotations of an opened article, re-anchored against its current text.
    init(_ session: ArticleAnnotations) {
        self.path = session.identity.path
        self.title = session.identity.title
        self.fingerprint = session.identity.fingerprint
        self.problem = nil
        self.annotations = session.file.liveAnnotations
        self.messages = session.messages
        self.article = session.article
    }

    /// The annotations as stored, for an article that cannot be opened.
    init(stored file: AnnotationFile, problem: String) {
        self.path = file.article.path
        self.title = file.article.title
        self.fingerprint = file.article.fingerprint
        self.problem = problem
        self.annotations = file.liveAnnotations
        self.messages = file.messages
    }

    init(path: String, problem: String) {
        self.path = path
        self.title = ""
        self.fingerprint = ""
        self.problem = problem
        self.annotations = []
        self.messages = []
    }
}

extension NotesArticle {
    /// The export of these notes. An article that cannot be read is exported from what is
    /// stored, under its stored title, so its notes are never left out.
    var exportDocument: ExportDocument {
        let source = article ?? Article(
            metadata: ArticleMetadata(title: title.isEmpty ? path : title), format: .plainLines, blocks: [],
            warnings: [])
        return ExportDocument(article: source, file: path, fingerprint: fingerprint, annotations: annotations)
    }
}
