@testable import GlossCore
import Testing

@testable import gloss_bench

/// The worst cases of the benchmark's `loading` scenario, small: each is generated at about
/// its size and loads (or is refused) as the scenario expects, with its structures capped.
/// No timing is asserted here; the figures are `gloss-bench --only loading`.
@Suite struct BenchWorstCaseTests {
    @Test func everyWorstCaseLoadsOrIsRefusedAsExpected() throws {
        let cases = WorstCaseArticles(targetBytes: 60_000).cases
        #expect(Set(cases.map(\.fileName)).count == cases.count)
        for worst in cases {
            // Each is about the size asked for, but the refused front matter (5 KB whatever the size).
            #expect(worst.refused || worst.bytes.count >= 60_000, "\(worst.name) is only \(worst.bytes.count) bytes")
            do {
                let article = try ArticleLoader.load(bytes: worst.bytes, fileName: worst.fileName)
                #expect(!worst.refused, "\(worst.name) loaded")
                // A table is one block, a row per line, its cells joined by " | ".
                for block in article.blocks where worst.fileName.hasSuffix(".md") {
                    for row in block.text.components(separatedBy: "\n") {
                        #expect(row.components(separatedBy: " | ").count <= MarkdownTableCap.maximumColumns + 1)
                    }
                }
            } catch {
                #expect(worst.refused, "\(worst.name): \(error)")
                #expect(error == .nestedTooDeep(what: "front matter", limit: YAMLNesting.maximumDepth))
            }
        }
    }
}
