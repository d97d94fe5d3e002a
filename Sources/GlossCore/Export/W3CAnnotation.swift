/// Builds the W3C `Annotation` for one exported highlight.
///
/// - `motivation` is `commenting` when the highlight has a note and `highlighting` otherwise.
/// - `body` holds the note as a `TextualBody` with purpose `commenting`, then one `TextualBody`
///   with purpose `tagging` per tag; it is left out when there is neither.
/// - `target` is a `SpecificResource` on the article text with a `TextQuoteSelector` and a
///   `TextPositionSelector`, alternatives that select the same text (positions count Unicode
///   scalars of the NFC text, as the model asks). An orphan keeps only its quote selector: its
///   stored position is known not to hold the quote any more, and a consumer that trusted it
///   would highlight the wrong text. For the same reason it has no `gloss:paragraph`.
/// - Gloss's own state is in extension properties: `gloss:color`, `gloss:paragraph`,
///   `gloss:paragraphEnd` (1-based `¶`), `gloss:section`, `gloss:status`, and `gloss:links`, the
///   links inside the quote as `{text, url}` (left out when there are none).
enum W3CAnnotation {
    static func json(for highlight: ExportHighlight, article: String) -> JSONValue {
        let isOrphan = highlight.status == .orphan
        let hasNote = !highlight.note.isEmpty
        return .members([
            "id": .string(W3CVocabulary.annotation(id: highlight.id)),
            "type": .string("Annotation"),
            "motivation": .string(hasNote ? "commenting" : "highlighting"),
            "created": .string(highlight.created.description),
            "modified": .string(highlight.modified.description),
            "body": .nonEmptyArray(bodies(of: highlight)),
            "target": target(of: highlight.anchor, article: article, isOrphan: isOrphan),
            W3CVocabulary.term("color"): .string(highlight.color),
            W3CVocabulary.term("paragraph"): isOrphan ? nil : .integer(highlight.paragraph),
            W3CVocabulary.term("paragraphEnd"): isOrphan ? nil : .integer(highlight.paragraphEnd),
            W3CVocabulary.term("section"): .string(highlight.section),
            W3CVocabulary.term("status"): .string(highlight.status.rawValue),
            W3CVocabulary.term("links"): highlight.links.isEmpty ? nil : .array(highlight.links.map { link in
                .object(["text": .string(link.text), "url": .string(link.url)])
            }),
        ])
    }

    static func bodies(of highlight: ExportHighlight) -> [JSONValue] {
        var bodies: [JSONValue] = []
        if !highlight.note.isEmpty {
            bodies.append(.members([
                "type": .string("TextualBody"),
                "value": .string(highlight.note),
                "format": .string("text/markdown"),
                "purpose": .string("commenting"),
            ]))
        }
        for tag in highlight.tags {
            bodies.append(.members([
                "type": .string("TextualBody"),
                "value": .string(tag),
                "purpose": .string("tagging"),
            ]))
        }
        return bodies
    }

    static func target(of anchor: AnnotationAnchor, article: String, isOrphan: Bool) -> JSONValue {
        var selectors: [JSONValue] = [
            .members([
                "type": .string("TextQuoteSelector"),
                "exact": .string(anchor.quote.exact),
                "prefix": anchor.quote.prefix.isEmpty ? nil : .string(anchor.quote.prefix),
                "suffix": anchor.quote.suffix.isEmpty ? nil : .string(anchor.quote.suffix),
            ])
        ]
        if !isOrphan {
            selectors.append(.members([
                "type": .string("TextPositionSelector"),
                "start": .integer(anchor.position.start),
                "end": .integer(anchor.position.end),
            ]))
        }
        return .members([
            "type": .string("SpecificResource"),
            "source": .string(article),
            "selector": .array(selectors),
        ])
    }
}
