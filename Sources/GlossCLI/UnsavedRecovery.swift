import Foundation
import Glibc
import GlossCore
import GlossStorage

/// Annotation changes the reader could not save before it quit (a full disk, an unwritable
/// `annotations/`): kept in a recovery file and told on stderr once the terminal is restored,
/// then offered back on the next start. See `RecoveryStore` for where the file goes.
enum UnsavedRecovery {
    /// Writes what `unsaved` holds to a recovery file and returns what to tell the user (nil when
    /// nothing was left unsaved). When no file can be written, the message carries the changes
    /// as JSON, so that they are at least on the screen or in a log.
    static func keep(
        _ unsaved: [String: (changes: [AnnotationChange], failure: String)], sessions: [String: ArticleAnnotations],
        environment: [String: String], temporaryDirectory: String = "/tmp"
    ) -> String? {
        let articles = unsaved.keys.sorted().compactMap { path -> RecoveryStore.Article? in
            guard let entry = unsaved[path], !entry.changes.isEmpty else { return nil }
            let identity = sessions[path]?.identity ?? ArticleIdentity(path: path, title: "", fingerprint: "")
            return RecoveryStore.Article(identity: identity, annotations: entry.changes.map(\.annotation))
        }
        guard !articles.isEmpty else { return nil }
        let failure = Array(Set(unsaved.values.map(\.failure))).sorted().joined(separator: "; ")
        let count = articles.reduce(0) { $0 + $1.annotations.count }
        let what = "\(count) annotation \(count == 1 ? "change" : "changes") could not be saved (\(failure))"
        do {
            let path = try RecoveryStore.write(
                articles, failure: failure, environment: environment, temporaryDirectory: temporaryDirectory)
            return "\(what); \(count == 1 ? "it was" : "they were") written to \(path), "
                + "and gloss offers to merge \(count == 1 ? "it" : "them") back when it starts next"
        } catch {
            let json = String(decoding: RecoveryStore.serialized(articles, failure: failure, created: SystemClock.now()), as: UTF8.self)
            return "\(what), and no recovery file could be written either (\(error.description)). "
                + "The unsaved notes follow as JSON:\n" + JSONOutput.terminalSafe(json)
        }
    }

    /// Before the reader starts: for each recovery file, says what it holds and, on a terminal,
    /// asks whether to merge it back (Enter or `y` merges; anything else keeps it for later).
    static func offerMerge(_ workspace: Workspace) {
        for path in RecoveryStore.pending(environment: workspace.environment) {
            let file: RecoveryStore.File
            do {
                file = try RecoveryStore.read(path)
            } catch {
                Console.message("\(error.description); the recovery file was left as it is")
                continue
            }
            let count = file.articles.reduce(0) { $0 + $1.annotations.count }
            Console.message(
                "\(count) unsaved annotation \(count == 1 ? "change" : "changes") from \(NotesReport.readable(file.created)) "
                    + "(\(file.failure)) \(count == 1 ? "is" : "are") kept in \(path)")
            guard isatty(STDIN_FILENO) == 1 else { continue }
            Console.err("Merge them back into your notes now? [Y/n] ")
            let answer = (readLine() ?? "n").trimmingCharacters(in: .whitespaces).lowercased()
            guard answer.isEmpty || answer.hasPrefix("y") else {
                Console.message("kept for later: \(path)")
                continue
            }
            let problems = merge(file, workspace: workspace)
            if problems.isEmpty {
                do {
                    try RecoveryStore.remove(path)
                    Console.message("merged \(count) \(count == 1 ? "change" : "changes") back; \(path) was removed")
                } catch {
                    Console.message("merged \(count) \(count == 1 ? "change" : "changes") back, but \(error.description)")
                }
            } else {
                for problem in problems { Console.message(problem) }
                Console.message("\(path) is kept, so nothing is lost; it is offered again next time")
            }
        }
    }

    /// Stores every article's recovered changes through the same session the reader uses (an
    /// edit whose note was deleted meanwhile survives as a new note); returns what failed.
    static func merge(_ file: RecoveryStore.File, workspace: Workspace) -> [String] {
        let store = AnnotationStore(dataDirectory: workspace.paths.data)
        var problems: [String] = []
        for recovered in file.articles {
            let key = recovered.identity.path
            let absolute = key.hasPrefix("/") ? key : workspace.paths.articles + "/" + key
            do throws(CLIError) {
                let article = try workspace.loadArticle(absolute: absolute, key: key)
                let session: ArticleAnnotations
                do {
                    session = try ArticleAnnotations.open(
                        article: article, relativePath: key, store: store, articlesDirectory: workspace.paths.articles)
                    try session.apply(recovered.annotations.map(AnnotationChange.upsert))
                } catch {
                    throw .failed(error.description)
                }
                for notice in session.notices { Console.message("\(key): \(notice)") }
            } catch {
                problems.append("\(key): could not merge the recovered changes: \(error.description)")
            }
        }
        return problems
    }
}
