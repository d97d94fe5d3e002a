import Foundation
import GlossCore
import GlossFeeds
import GlossStorage

/// Fetches one feed and brings its articles up to date: new entries become new files under
/// `<articles>/<feed-slug>/`, changed entries rewrite their file in place (so annotations
/// re-anchor as for any edited article), and nothing is touched unless the feed was fetched
/// and parsed successfully.
struct FeedSync: Sendable {
    var articlesDirectory: String
    /// `[library] follow-symlinks`: whether writes may follow links leading outside the articles directory.
    var followsLinks = false
    var states: FeedStateStore
    var client: HTTPClient
    var clock: @Sendable () -> Timestamp = SystemClock.now

    static let accept = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

    func run(_ feed: FeedSubscription) -> FeedReport {
        var report = FeedReport(feed: feed)
        var state: FeedState
        do {
            let loaded = try states.load(feed: feed.slug)
            report.warnings += loaded.messages
            state = loaded.state ?? FeedState(url: feed.url)
        } catch {
            report.failure = "feed state: \(error.description)"
            return report
        }
        if state.url != feed.url {
            // Same name, new address: the entries stay known, the validators belong to the old URL.
            state = FeedState(url: feed.url, entries: state.entries)
        }
        state.lastFetch = clock()
        let outcome: HTTPOutcome
        do {
            outcome = try client.get(feed.url, etag: state.etag, lastModified: state.lastModified, accept: Self.accept)
        } catch {
            return failing(report, error.description, state: state)
        }
        guard case .fetched(let response) = outcome else {
            report.notModified = true
            report.unchangedCount = state.entries.count
            state.lastError = nil
            return saving(report, state: state)
        }
        let parsed: Feed
        do {
            parsed = try FeedParser.parse(response.body, url: response.finalURL, charset: PageSaver.charset(response.contentType))
        } catch {
            return failing(report, error.description, state: state)
        }
        let articles = parsed.entries.map { entry in
            (entry, FeedArticleWriter.article(for: entry, feedName: feed.displayName, tags: feed.tags))
        }
        let size = articles.reduce(0) { $0 + $1.1.utf8.count }
        let writeLimit = Self.writeLimit(bodyLimit: client.limits.maxBytes)
        guard size <= writeLimit else {
            // Entities, or a feed built to multiply itself: nothing is written.
            let message = "the feed's articles would take \(Self.megabytes(size)), more than the limit of \(Self.megabytes(writeLimit)) (4 × --max-size): nothing written"
            return failing(report, message, state: state)
        }
        state.etag = response.etag
        state.lastModified = response.lastModified
        state.lastError = nil
        report.warnings += parsed.warnings
        var allWritten = true
        let batch = ArticleWriteBatch(articlesDirectory: articlesDirectory, followingLinks: followsLinks)
        var pending: [PendingWrite] = []
        for (entry, text) in articles {
            allWritten = apply(entry, text: text, of: feed, to: &state, report: &report, batch: batch, pending: &pending) && allWritten
        }
        allWritten = commit(batch, pending, to: &state, report: &report) && allWritten
        if !allWritten {
            // Download the feed again next time, so the entries that could not be written are retried.
            state.etag = nil
            state.lastModified = nil
        }
        let undated = parsed.entries.filter { $0.date == nil }.count
        if undated > 0 {
            report.warnings.append("\(undated) \(undated == 1 ? "entry has" : "entries have") no readable date and \(undated == 1 ? "is" : "are") listed as undated")
        }
        return saving(report, state: state)
    }

    /// An article staged in this fetch's batch, recorded in the state once it is on disk.
    private struct PendingWrite {
        var key: String
        var record: FeedEntryRecord
        var isUpdate: Bool
    }

    /// Stages one entry when it is new or changed (recorded in `state` by `commit`), or records
    /// it at once when nothing needs writing; false when it should have been written and could not be.
    private func apply(
        _ entry: FeedEntry, text: String, of feed: FeedSubscription, to state: inout FeedState, report: inout FeedReport,
        batch: ArticleWriteBatch, pending: inout [PendingWrite]
    ) -> Bool {
        let key = entry.dedupKey
        let hash = ArticleFingerprint.sha256(ofBytes: Array(text.utf8))
        if let known = state.entries[key], Self.isInside(known.file, folder: feed.slug) {
            let path = articlesDirectory + "/" + known.file
            // A file the user deleted stays deleted; an unchanged one is left alone.
            guard known.contentHash != hash, ArticleFile.exists(path) else {
                report.unchangedCount += 1
                return true
            }
            do {
                try batch.stage(text, relativePath: known.file)
            } catch {
                report.warnings.append("\(known.file) not updated: \(error.description)")
                return false
            }
            pending.append(PendingWrite(
                key: key, record: FeedEntryRecord(file: known.file, contentHash: hash, updated: clock()), isUpdate: true))
            return true
        }
        guard let (file, isWritten) = fileName(for: entry, in: feed.slug, text: text, batch: batch) else {
            report.warnings.append("no free file name for \(entry.title ?? key)")
            return false
        }
        let path = articlesDirectory + "/" + file
        let isTakenOver = ArticleFile.exists(path)
        let record = FeedEntryRecord(file: file, contentHash: hash, updated: clock())
        if isWritten {
            // Written by an earlier fetch whose state was lost, exactly as it is now.
            state.entries[key] = record
            report.unchangedCount += 1
            return true
        }
        do {
            try batch.stage(text, relativePath: file)
        } catch {
            report.warnings.append("\(file) not written: \(error.description)")
            return false
        }
        // A file taken over from an earlier fetch whose state was lost is updated in place.
        pending.append(PendingWrite(key: key, record: record, isUpdate: isTakenOver))
        return true
    }

    /// Puts the staged articles on disk and records those written; false when any failed.
    private func commit(
        _ batch: ArticleWriteBatch, _ pending: [PendingWrite], to state: inout FeedState, report: inout FeedReport
    ) -> Bool {
        let failed = Dictionary(batch.commit().map { ($0.relativePath, $0.error) }, uniquingKeysWith: { first, _ in first })
        for write in pending {
            if let error = failed[write.record.file] {
                report.warnings.append("\(write.record.file) not \(write.isUpdate ? "updated" : "written"): \(error.description)")
                continue
            }
            state.entries[write.key] = write.record
            if write.isUpdate { report.updatedCount += 1 } else { report.newCount += 1 }
        }
        return failed.isEmpty
    }

    /// A file name for an entry the state does not know, relative to the articles directory:
    /// its own name, else one with a hash suffix, else numbered, and whether it already holds
    /// `text`. A file already written for this entry (by a fetch interrupted before it saved its
    /// state, or before the state file was lost) is taken over, not copied: one holding exactly
    /// this text, or one whose front matter names the same entry `id`, which is then rewritten in
    /// place so its annotations follow.
    private func fileName(for entry: FeedEntry, in folder: String, text: String, batch: ArticleWriteBatch) -> (String, isWritten: Bool)? {
        let plain = FeedArticleWriter.fileName(for: entry)
        let suffixed = FeedArticleWriter.fileName(for: entry, uniqueSuffix: true)
        let stem = String(suffixed.dropLast(3))
        let candidates = [plain, suffixed] + (2...20).map { "\(stem)-\($0).md" }
        for name in candidates {
            let relative = folder + "/" + name
            // Taken by another entry of this fetch, not yet in place.
            guard !batch.contains(relative) else { continue }
            let path = articlesDirectory + "/" + relative
            guard ArticleFile.exists(path) else { return (relative, false) }
            guard let bytes = try? ArticleFile.read(path, limit: Self.takeOverLimit) else { continue }
            if bytes.elementsEqual(text.utf8) { return (relative, true) }
            if WrittenArticle.dedupKey(inArticle: String(decoding: bytes, as: UTF8.self)) == entry.dedupKey {
                return (relative, false)
            }
        }
        return nil
    }

    /// The most one feed may write in one fetch: four times what may be downloaded, so that a
    /// small feed whose entities or repetitions expand it cannot fill the disk.
    static func writeLimit(bodyLimit: Int) -> Int {
        4 * bodyLimit
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }

    /// Larger files in a feed's folder are not read to see whether they hold an entry.
    static let takeOverLimit = 16 << 20

    /// Whether a file recorded in the state is one this feed may rewrite: directly in its own
    /// folder, never elsewhere (the state file is data, not a list of paths to trust).
    static func isInside(_ file: String, folder: String) -> Bool {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0] == folder && !parts[1].isEmpty && !parts[1].hasPrefix(".")
    }

    private func failing(_ report: FeedReport, _ message: String, state: FeedState) -> FeedReport {
        var report = report
        var state = state
        report.failure = message
        state.lastError = message
        return saving(report, state: state)
    }

    private func saving(_ report: FeedReport, state: FeedState) -> FeedReport {
        var report = report
        do {
            try states.save(state, feed: report.feed.slug)
        } catch {
            if report.failure == nil { report.failure = "could not save the feed state: \(error.description)" }
        }
        return report
    }
}
