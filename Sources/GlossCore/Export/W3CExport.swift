/// Renders exports as W3C Web Annotation JSON-LD (Web Annotation Data Model and Vocabulary).
///
/// One article becomes one `AnnotationCollection` whose single embedded `AnnotationPage` holds
/// its annotations: the anchored highlights in reading order, then the orphans, which are
/// exported (marked `"gloss:status": "orphan"`) and never dropped. The collection describes the
/// annotated text under `gloss:article` with Dublin Core properties; every annotation targets
/// that text by its content-addressed IRI (see `W3CVocabulary`). A collection without
/// annotations has `total` 0 and no pages, since a page must hold at least one annotation.
///
/// Several articles become a JSON array of such collections, each a complete JSON-LD document
/// with its own `@context`, in the order given: element `i` is exactly what `render(docs[i])`
/// describes, and an empty list gives `[]`.
///
/// The output is pretty-printed, keys are in a fixed order, and it holds no export time, so
/// the same data always gives the same bytes.
public enum W3CExport {
    /// The JSON-LD document for one article.
    public static func render(_ doc: ExportDocument) -> String {
        collection(doc).exported()
    }

    /// A JSON array of the documents of several articles.
    public static func render(_ docs: [ExportDocument]) -> String {
        JSONValue.array(docs.map(collection)).exported()
    }

    static func collection(_ doc: ExportDocument) -> JSONValue {
        let fingerprint = doc.article.fingerprint
        let articleID = W3CVocabulary.article(fingerprint: fingerprint)
        let collectionID = W3CVocabulary.collection(fingerprint: fingerprint)
        let pageID = W3CVocabulary.page(fingerprint: fingerprint)
        let items = (doc.highlights + doc.orphans).map { W3CAnnotation.json(for: $0, article: articleID) }
        let page: JSONValue? = items.isEmpty ? nil : .members([
            "id": .string(pageID),
            "type": .string("AnnotationPage"),
            "partOf": .string(collectionID),
            "startIndex": .integer(0),
            "items": .array(items),
        ])
        return .members([
            "@context": W3CVocabulary.context,
            "id": .string(collectionID),
            "type": .string("AnnotationCollection"),
            "label": .string(doc.article.title),
            "modified": .string(doc.article.updated?.description),
            "total": .integer(items.count),
            W3CVocabulary.term("article"): article(doc.article, id: articleID),
            "first": page,
            "last": page == nil ? nil : .string(pageID),
        ])
    }

    /// The annotated text: plain text (blocks joined by blank lines, NFC) with the article's
    /// metadata as Dublin Core elements, whose values may be plain literals. `dc:source` is the
    /// web page the text was taken from; the file path is Gloss's own `gloss:file`.
    static func article(_ article: ExportArticle, id: String) -> JSONValue {
        .members([
            "id": .string(id),
            "type": .string("Text"),
            "format": .string("text/plain"),
            "dc:title": .string(article.title),
            "dc:creator": .string(article.author),
            "dc:publisher": .string(article.source),
            "dc:date": .string(article.date),
            "dc:source": .string(article.url),
            "dc:subject": .nonEmptyArray(article.tags.map { .string($0) }),
            W3CVocabulary.term("file"): .string(article.file),
        ])
    }
}
