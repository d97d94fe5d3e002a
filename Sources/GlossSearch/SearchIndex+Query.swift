import Foundation
import GlossCore

extension SearchIndex {
    /// The best hits for `query`, ranked as `SearchRanking` says, at most `perArticle` per
    /// article. Every term must occur in the same article (in the query's scope); an article
    /// holding an excluded term is left out.
    public func search(_ query: LibraryQuery, limit: Int = 20, perArticle: Int = 3) throws(SearchIndexError) -> [SearchHit] {
        guard !query.isEmpty, limit > 0 else { return [] }
        return try guarding { () throws(SQLiteError) in try run(query, limit: limit, perArticle: perArticle) }
    }

    private struct Candidate {
        var article: Int64
        var kind: SearchHitKind
        var paragraph: Int
        var terms = 0
    }

    private func run(_ query: LibraryQuery, limit: Int, perArticle: Int) throws(SQLiteError) -> [SearchHit] {
        let positive = query.terms.map(IndexMatcher.make)
        var candidates: [Int64: Candidate] = [:]
        var articles: Set<Int64>?
        for (matcher, tagsOnly) in positive {
            let rows = try matchingRows(matcher, tagsOnly: tagsOnly, scope: query.scope)
            let found = Set(rows.values.map(\.article))
            articles = articles.map { $0.intersection(found) } ?? found
            for (id, row) in rows where articles?.contains(row.article) == true {
                candidates[id, default: row].terms += 1
            }
            if articles?.isEmpty != false { return [] }
        }
        for (matcher, tagsOnly) in query.excluded.map(IndexMatcher.make) {
            let excluded = Set(try matchingRows(matcher, tagsOnly: tagsOnly, scope: query.scope).values.map(\.article))
            articles?.subtract(excluded)
        }
        guard let articles, !articles.isEmpty else { return [] }
        let near = try nearRows(positive.map(\.matcher), count: query.terms.count)
        let info = try articleInfo()
        var scored: [(id: Int64, candidate: Candidate, score: Int, modified: Int64, path: String)] = []
        for (id, candidate) in candidates where articles.contains(candidate.article) {
            guard let article = info[candidate.article] else { continue }
            let score = SearchRanking.score(
                kind: candidate.kind, matchedTerms: candidate.terms, totalTerms: query.terms.count,
                termsAreNear: near.contains(id))
            scored.append((id, candidate, score, article.modified, article.path))
        }
        scored.sort {
            SearchRanking.precedes(
                score: $0.score, modified: $0.modified, path: $0.path, paragraph: $0.candidate.paragraph,
                score: $1.score, modified: $1.modified, path: $1.path, paragraph: $1.candidate.paragraph)
        }
        var perArticleCount: [Int64: Int] = [:]
        var hits: [SearchHit] = []
        for item in scored where hits.count < limit {
            let count = perArticleCount[item.candidate.article, default: 0]
            guard count < perArticle, let article = info[item.candidate.article] else { continue }
            perArticleCount[item.candidate.article] = count + 1
            hits.append(try hit(row: item.id, article: article, score: item.score, matchers: positive.map(\.matcher)))
        }
        return hits
    }

    private func matchingRows(_ matcher: IndexMatcher, tagsOnly: Bool, scope: LibraryQuery.Scope) throws(SQLiteError) -> [Int64: Candidate] {
        let tagCondition = tagsOnly ? " AND r.kind = 'tag'" : ""
        let statement = try database.prepare(
            "SELECT r.id, r.article, r.kind, r.paragraph \(matcher.sql) AND \(scope.sql)\(tagCondition)")
        try statement.bind([.text(matcher.argument)])
        var rows: [Int64: Candidate] = [:]
        while try statement.step() {
            let kind = SearchHitKind(rawValue: statement.text(2)) ?? .text
            rows[statement.integer(0)] = Candidate(
                article: statement.integer(1), kind: kind,
                paragraph: statement.isNull(3) ? 0 : Int(statement.integer(3)))
        }
        return rows
    }

    /// The rows where all the query's word terms stand close together.
    private func nearRows(_ matchers: [IndexMatcher], count: Int) throws(SQLiteError) -> Set<Int64> {
        let expressions = matchers.compactMap { matcher -> String? in
            if case .words(let expression) = matcher { return expression }
            return nil
        }
        guard count > 1, expressions.count == count else { return [] }
        let statement = try database.prepare("SELECT rowid FROM words WHERE words MATCH ?1")
        try statement.bind([.text("NEAR(\(expressions.joined(separator: " ")), \(SearchRanking.nearDistance))")])
        var rows: Set<Int64> = []
        while try statement.step() { rows.insert(statement.integer(0)) }
        return rows
    }

    private struct ArticleInfo {
        var path: String
        var title: String
        var modified: Int64
    }

    private func articleInfo() throws(SQLiteError) -> [Int64: ArticleInfo] {
        let statement = try database.prepare("SELECT id, path, title, modified FROM articles")
        var info: [Int64: ArticleInfo] = [:]
        while try statement.step() {
            info[statement.integer(0)] = ArticleInfo(
                path: statement.text(1), title: statement.text(2), modified: statement.integer(3))
        }
        return info
    }

    private func hit(row id: Int64, article: ArticleInfo, score: Int, matchers: [IndexMatcher]) throws(SQLiteError) -> SearchHit {
        let statement = try database.prepare("SELECT paragraph, kind, text, quote FROM rows WHERE id = ?1")
        try statement.bind([.integer(id)])
        guard try statement.step() else { throw SQLiteError(code: 11, message: "row \(id) vanished") }
        let kind = SearchHitKind(rawValue: statement.text(1)) ?? .text
        let text = statement.text(2)
        let snippet = try wordSnippet(row: id, matchers: matchers, whole: kind == .title || kind == .tag)
            ?? SnippetMaker.mark(text, literals: matchers.compactMap(\.literal))
        return SearchHit(
            path: article.path, title: article.title,
            paragraph: statement.isNull(0) ? nil : Int(statement.integer(0)), kind: kind,
            snippet: SnippetMaker.oneLine(snippet), quote: statement.isNull(3) ? nil : SnippetMaker.oneLine(statement.text(3)),
            score: score, modified: article.modified)
    }

    /// FTS5's own snippet of the row, marking every word term; nil when no word term is in it.
    private func wordSnippet(row id: Int64, matchers: [IndexMatcher], whole: Bool) throws(SQLiteError) -> String? {
        let expressions = matchers.compactMap { matcher -> String? in
            if case .words(let expression) = matcher { return expression }
            return nil
        }
        guard !expressions.isEmpty else { return nil }
        let function = whole
            ? "highlight(words, 0, ?3, ?4)"
            : "snippet(words, 0, ?3, ?4, '…', \(SnippetMaker.tokens))"
        let statement = try database.prepare("SELECT \(function) FROM words WHERE words MATCH ?1 AND rowid = ?2")
        try statement.bind([
            .text(expressions.joined(separator: " OR ")), .integer(id),
            .text(SnippetMaker.open), .text(SnippetMaker.close),
        ])
        return try statement.step() ? statement.text(0) : nil
    }
}
