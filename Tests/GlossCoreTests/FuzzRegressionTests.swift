import Testing

@testable import GlossCore
import GlossTestSupport

/// Inputs the fuzz targets (Fuzz/, docs/FUZZING.md) found to break a property, kept as tests.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// fuzz-export: a line break followed by combining marks in the title. The front matter wrote
    /// `\n` and then U+0300, which NFC composes into `\ǹ`: the export was not NFC, and an editor
    /// normalizing it would have broken the YAML escape.
    @Test func aCombiningMarkAfterAYAMLEscapeKeepsTheExportNFC() throws {
        let title = "T ~~~\\\n\u{300}\u{301}\u{302}the "
        let output = MarkdownExport.render(ExportFixture.document(title: title, author: "\"\u{301}", url: "\t\u{1D167}"))
        #expect(ExportExpectation.isNFC(output))
        let frontMatter = try ExportReadBack.frontMatter(of: output)
        #expect(frontMatter["title"]?.scalar.map { Array($0.string.unicodeScalars) } == ExportExpectation.yaml(title))
        #expect(frontMatter["author"]?.scalar.map { Array($0.string.unicodeScalars) } == ExportExpectation.yaml("\"\u{301}"))
        #expect(frontMatter["url"]?.scalar.map { Array($0.string.unicodeScalars) } == ExportExpectation.yaml("\t\u{1D167}"))
        #expect(output.contains(#"title: "T ~~~\\\n\u0300\u0301\u0302the ""#))
    }
}
