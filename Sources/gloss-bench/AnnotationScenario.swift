import GlossCore
import GlossStorage
import GlossTUI

/// Annotation work in-process, with the real on-disk `AnnotationStore` in a scratch directory,
/// on the 1 MB article: saving one annotation among 1,000, what 1,000 annotations add to opening,
/// re-anchoring 500 annotations after an edit, and exporting 10,000 to Markdown.
enum AnnotationScenario {
    static let saveGoal = Goal(limit: 5, text: "≤ 5 ms")
    static let openGoal = Goal(limit: 5, text: "≤ 5 ms")
    static let reanchorGoal = Goal(limit: 100, text: "≤ 100 ms")
    static let exportGoal = Goal(limit: 100, text: "≤ 100 ms")

    static func run(_ context: BenchContext) {
        guard let article = ArticleCorpus.sizes.first(where: { $0.id == "1MB" }) else { return }
        let loaded: LoadedArticle
        do {
            loaded = try LoadedArticle.load(path: try context.corpus.prepare(article), relativePath: article.fileName)
            try measureSave(context, loaded)
            try measureOpen(context, loaded)
        } catch {
            context.report.fail(.annotations, error.description)
            return
        }
        measureReanchor(context, loaded)
        measureExport(context, loaded)
    }

    /// `AnnotationStore.apply` of one new annotation to an article holding 1,000: lock, read,
    /// merge, one line appended to the journal and fsynced; and the fold that every 64th save
    /// does (write to a temporary file, fsync, rename).
    static func measureSave(_ context: BenchContext, _ loaded: LoadedArticle) throws(BenchError) {
        let data = try context.freshDirectory("annotations-save")
        let existing = loaded.annotations(count: 1000)
        try loaded.store(existing, dataDirectory: data)
        let store = AnnotationStore(dataDirectory: data)
        let extra = loaded.annotations(count: context.options.endToEndRuns * 2, seed: 99)
        var samples: [Double] = []
        var appendFloor: [Double] = []
        let journal = store.location(of: loaded.identity.path) + ".journal"
        for annotation in extra {
            let before = MemoryScenario.fileSize(journal)
            var failure: StorageError?
            samples.append(InProcessTimer.time {
                do throws(StorageError) {
                    return try store.apply([.upsert(annotation)], to: loaded.identity, anchoredOn: loaded.text.text)
                        .annotations.count
                } catch {
                    failure = error
                    return 0
                }
            })
            if let failure { throw .failed("saving an annotation failed: \(failure.description)") }
            // The same append without gloss code, right after, so that both meet the same load.
            appendFloor.append(DiskFloor.appendSync(bytes: max(1, MemoryScenario.fileSize(journal) - before), in: data))
        }
        context.report.add(ResultRow(
            scenario: .annotations, name: "save 1 annotation among 1,000 (fsync)", subject: "in-process", unit: "ms",
            samples: samples, goal: saveGoal, note: "an append to the journal"))
        context.report.add(ResultRow(
            scenario: .annotations, name: "floor: append+fsync of the same line", subject: "this disk", unit: "ms",
            samples: appendFloor, note: "the journal's append without any gloss code"))
        // One save in 64 folds the journal into the file: a rewrite, measured on its own.
        let rewriting = AnnotationStore(dataDirectory: data, journal: .never)
        var folds: [Double] = []
        for annotation in loaded.annotations(count: context.options.endToEndRuns, seed: 98) {
            folds.append(InProcessTimer.time {
                (try? rewriting.apply([.upsert(annotation)], to: loaded.identity, anchoredOn: loaded.text.text))?
                    .annotations.count ?? 0
            })
        }
        context.report.add(ResultRow(
            scenario: .annotations, name: "fold: rewrite 1,000 annotations (fsync)", subject: "in-process", unit: "ms",
            samples: folds, note: "one save in \(JournalPolicy.standard.maximumRecords) folds the journal"))
        let size = MemoryScenario.fileSize(store.location(of: loaded.identity.path))
        let floor = (0..<samples.count).map { _ in DiskFloor.writeSyncRename(bytes: size, in: data) }
        context.report.add(ResultRow(
            scenario: .annotations, name: "floor: write+fsync+rename \(size / 1024) KiB", subject: "this disk",
            unit: "ms", samples: floor, note: "the same bytes without any gloss code"))
    }

    /// Opening as gloss does (fingerprint, `store.open`, re-anchoring, reader state, first frame)
    /// with 1,000 stored annotations and with none, in pairs; the goal is on the difference.
    static func measureOpen(_ context: BenchContext, _ loaded: LoadedArticle) throws(BenchError) {
        let withNotes = try context.freshDirectory("annotations-open-1000")
        let without = try context.freshDirectory("annotations-open-0")
        try loaded.store(loaded.annotations(count: 1000), dataDirectory: withNotes)
        var full: [Double] = []
        var empty: [Double] = []
        for _ in 0..<max(10, context.options.endToEndRuns * 2) {
            full.append(InProcessTimer.time { open(loaded, dataDirectory: withNotes) })
            empty.append(InProcessTimer.time { open(loaded, dataDirectory: without) })
        }
        let name = "open with 1,000 annotations (1 MB)"
        context.report.add(ResultRow(scenario: .annotations, name: name, subject: "in-process", unit: "ms", samples: full))
        context.report.add(ResultRow(
            scenario: .annotations, name: "open with none (1 MB)", subject: "in-process", unit: "ms", samples: empty))
        context.report.add(ResultRow(
            scenario: .annotations, name: "cost of 1,000 annotations on open", subject: "difference", unit: "ms",
            samples: Summary.pairDifferences(full, empty), goal: openGoal))
    }

    /// The open path of `gloss read` from a loaded article to the first frame; returns the
    /// number of annotations shown.
    static func open(_ loaded: LoadedArticle, dataDirectory: String) -> Int {
        let article = loaded.article
        let text = ArticleText(article)
        let identity = ArticleIdentity(
            path: loaded.identity.path, title: article.metadata.title, fingerprint: ArticleFingerprint.sha256(of: text))
        let store = AnnotationStore(dataDirectory: dataDirectory)
        guard let file = try? store.open(identity, isPathGone: { _ in false }) else { return -1 }
        let annotations = Reanchorer.reanchor(
            file.annotations, storedFingerprint: file.article.fingerprint,
            snapshot: file.article.fingerprint == identity.fingerprint ? text.text : nil, current: text,
            currentFingerprint: identity.fingerprint)
        var state = AppState(size: KeyScenario.size, screen: .reader, quitsWithReader: true)
        _ = reduce(&state, .articleOpened(OpenedArticle(
            relativePath: identity.path, article: article, annotations: annotations, text: text)))
        let frame = ScreenRenderer.render(state)
        return annotations.count + frame.buffer.width
    }

    /// `Reanchorer.reanchor` of 500 annotations made on the 1 MB article onto an edited copy.
    static func measureReanchor(_ context: BenchContext, _ loaded: LoadedArticle) {
        let annotations = loaded.annotations(count: 500)
        let edited = ArticleEditor.edit(loaded.article)
        let current = ArticleText(edited)
        let fingerprint = ArticleFingerprint.sha256(of: current)
        var statuses: [AnchorStatus: Int] = [:]
        var samples: [Double] = []
        for _ in 0..<max(10, context.options.endToEndRuns) {
            samples.append(InProcessTimer.time {
                let moved = Reanchorer.reanchor(
                    annotations, storedFingerprint: loaded.identity.fingerprint, snapshot: loaded.text.text,
                    current: current, currentFingerprint: fingerprint)
                statuses = Dictionary(grouping: moved, by: \.anchor.status).mapValues(\.count)
                return moved.count
            })
        }
        let outcome = AnchorStatus.allCases.map { "\($0.rawValue) \(statuses[$0] ?? 0)" }.joined(separator: ", ")
        context.report.add(ResultRow(
            scenario: .annotations, name: "re-anchor 500 after an edit (1 MB)", subject: "in-process", unit: "ms",
            samples: samples, goal: reanchorGoal, note: outcome))
    }

    /// `MarkdownExport.render(ExportDocument(...))` of 10,000 annotations on the 1 MB article.
    static func measureExport(_ context: BenchContext, _ loaded: LoadedArticle) {
        let annotations = loaded.annotations(count: 10_000)
        var samples: [Double] = []
        var bytes = 0
        for _ in 0..<max(10, context.options.endToEndRuns) {
            samples.append(InProcessTimer.time {
                let document = ExportDocument(
                    article: loaded.article, file: loaded.identity.path, fingerprint: loaded.identity.fingerprint,
                    annotations: annotations)
                bytes = MarkdownExport.render(document).utf8.count
                return bytes
            })
        }
        context.report.add(ResultRow(
            scenario: .annotations, name: "export 10,000 annotations to Markdown", subject: "in-process", unit: "ms",
            samples: samples, goal: exportGoal, note: "\(bytes / 1024) KiB of Markdown"))
    }
}
